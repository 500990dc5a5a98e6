#!/usr/bin/env bash
# Prints the versions the tests run with, so a red run names what changed since a green one.
# Runs before `npm ci` on a fresh clone, so the project's own pins are read from the lock file.
set -uo pipefail

version() { # label, command…
	local output
	# Some tools exit non-zero after printing their version (pdftotext -v): only the text counts.
	output=$({ "${@:2}" 2>&1 || true; } | grep -m1 -E '[0-9]+\.[0-9]+') || output='not found'
	printf '%-22s %s\n' "$1" "$output"
}
pinned() { # package
	node -p "require('./package-lock.json').packages['node_modules/$1']?.version ?? 'not pinned'"
}

echo 'Versions under test'
version 'node (machine)' node --version
printf '%-22s %s\n' 'node (npm scripts)' "$(pinned node)"
version 'npm' npm --version
printf '%-22s %s\n' '@playwright/test' "$(pinned @playwright/test)"
printf '%-22s %s\n' 'astro' "$(pinned astro)"
version 'chromium' /usr/bin/chromium --version
version 'promtool' promtool --version
version 'pdftotext' pdftotext -v
version 'shellcheck' shellcheck --version
version 'python3 (Debian)' /usr/bin/python3 --version
# The Debian packages the template smoke runs import (npm run test:templates).
for package in gunicorn python3-fastapi python3-starlette python3-uvicorn python3-structlog python3-sentry-sdk python3-httpx python3-sqlalchemy python3-aiosqlite; do
	printf '%-22s %s\n' "$package" "$(dpkg-query -W -f='${Version}' "$package" 2>/dev/null || echo 'not installed')"
done
