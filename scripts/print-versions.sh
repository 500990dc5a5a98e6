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
version 'python3 (Debian 12)' /usr/bin/python3 --version
version 'mmdebstrap' mmdebstrap --version
# The template smoke runs' Python and packages (npm run test:templates), as smoke.py reads them
# inside the Debian unstable root; builds the root first when its package list has none yet, so
# on a fresh machine this is where the build's time and size are printed.
echo 'Debian unstable root (template smoke runs)'
bash scripts/debian-unstable.sh run --bind tests/templates/smoke python3 smoke.py --versions | while read -r name value; do
	printf '  %-42s %s\n' "$name" "$value"
done || echo '  not available: see the messages above'
