#!/usr/bin/env bash
# Installs the system tools the tests drive, from Debian's packages, when they are missing:
# Chromium for the browser tests (Playwright's own browser download is not used), promtool
# (Debian's prometheus package) to check the generated alerting rules, and pdftotext and
# pdftoppm (poppler-utils) to read the printed PDF.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v promtool >/dev/null || missing+=(prometheus)
command -v pdftotext >/dev/null || missing+=(poppler-utils)

if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing ${missing[*]} with apt-get"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi
