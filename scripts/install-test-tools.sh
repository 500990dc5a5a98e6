#!/usr/bin/env bash
# Installs the system tools the tests drive, from Debian's packages, when they are missing:
# Chromium for the browser tests (Playwright's own browser download is not used), promtool
# (Debian's prometheus package) to check the generated alerting rules, pdftotext and
# pdftoppm (poppler-utils) to read the printed PDF, and for the template checks
# (npm run test:templates) ShellCheck, Debian's python3 for the syntax checks, and mmdebstrap,
# which builds the Debian unstable root the smoke runs use (scripts/debian-unstable.sh: the
# templates' libraries are installed there, not on this machine). Fast when all is there: one
# dpkg-query, no apt-get.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v promtool >/dev/null || missing+=(prometheus)
command -v pdftotext >/dev/null || missing+=(poppler-utils)

# The template checks. mmdebstrap's unshare mode without root needs newuidmap (uidmap, which
# apt installs as a recommendation); as root (CI) it needs nothing more.
template_packages=(shellcheck python3 mmdebstrap)
installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${template_packages[@]}" 2>/dev/null || true)
for package in "${template_packages[@]}"; do
	grep -qx "$package installed" <<<"$installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing ${missing[*]} with apt-get"
	sudo_cmd=()
	[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
	"${sudo_cmd[@]}" apt-get update -qq
	DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi
