#!/usr/bin/env bash
# A Debian unstable root with the current Python and the packages the templates import, for the
# template smoke runs (npm run test:templates): Debian 12's are two years behind what the
# templates are written for, and unstable carries the current releases as Debian packages.
#
#   bash scripts/debian-unstable.sh path                     builds the root if needed, prints its path
#   bash scripts/debian-unstable.sh run [--bind DIR] CMD…    runs CMD inside it (DIR at /workspace, the
#                                                            working directory)
#
# Built with mmdebstrap from the mirror in the machine's apt sources, into
# .cache/debian-unstable/<key>/, where the key is a hash of the package list and the options: a
# new list builds a new root, an unchanged one reuses it. The build goes into a temporary folder
# renamed into place when it is complete, so an interrupted build leaves nothing a later run
# trusts. mmdebstrap runs in its unshare mode: as root (CI) that is a private mount namespace only,
# so a build killed halfway leaves no mount on the host, and without root a user namespace too
# (which needs the user's range in /etc/subuid). Commands run under chroot in a private mount
# namespace, inside a user namespace (`unshare -r`) without root. Either way the network is the
# host's: a server started inside on 127.0.0.1 is reachable from outside, and the other way.
set -euo pipefail
cd "$(dirname "$0")/.."

# The names are Debian unstable's. Not packaged there: uv, uvicorn-worker, and OpenTelemetry's
# SQLAlchemy instrumentation. python3-grpcio is named because the gRPC exporter only lists it as an
# alternative: it is there to show the exporter failing with it (Debian's 1.51 is older than the
# exporter's generated code), not to run it.
packages=(
	python3 gunicorn python3-fastapi python3-uvicorn python3-structlog python3-sentry-sdk python3-httpx
	python3-sqlalchemy python3-aiosqlite python3-greenlet python3-pydantic-settings
	python3-opentelemetry-sdk python3-opentelemetry-exporter-otlp-proto-grpc python3-opentelemetry-exporter-otlp-proto-http
	python3-opentelemetry-instrumentation-fastapi python3-opentelemetry-instrumentation-asgi python3-grpcio
	python3-prometheus-client python3-prometheus-fastapi-instrumentator python3-validate-pyproject prometheus
)

# The machine's own Debian mirror (deb822 or one-line sources), so a machine with a local mirror
# builds from it.
mirror() {
	local uri
	uri=$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n' | grep -m1 '/debian/\?$' || true)
	[ -n "$uri" ] || uri=$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\/debian\/\?\)[[:space:]].*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n1 || true)
	echo "${uri:-http://deb.debian.org/debian}"
}

mirror_uri=$(mirror)
# shellcheck disable=SC2016 # the hook's $1 (the root) is expanded by the hook's own shell
options=(
	--variant=apt
	--include="$(
		IFS=,
		echo "${packages[*]}"
	)"
	# The mirror may serve a snapshot whose Release file is past its Valid-Until date.
	--aptopt='Acquire::Check-Valid-Until "false"'
	# No fsync per file: most of the build's time on a busy disk. One sync before the rename
	# below makes the finished root durable instead.
	--dpkgopt=force-unsafe-io
	# What the runs need inside: a mount point for the workspace, and the date of the archive the
	# packages came from, which the lists removed at the end of the build would take with them.
	--customize-hook='mkdir -p "$1/workspace" && sed -n "s/^Date: //p" "$1"/var/lib/apt/lists/*_InRelease | head -n1 >"$1/etc/debian-archive-date"'
	unstable
)
# The mirror is part of the key: a root built from another archive is another root. Bump the last
# word when the way the root is used changes.
key=$(printf '%s\n' "${options[@]}" "$mirror_uri" layout-1 | sha256sum | cut -c1-16)
cache=.cache/debian-unstable
root=$PWD/$cache/$key

ensure_root() {
	[ -d "$root" ] && return
	mkdir -p "$cache"
	# One build at a time: the smoke runs start together, the first builds, the others wait here
	# and then find it.
	exec 9>"$cache/.lock"
	flock 9
	[ -d "$root" ] && return
	command -v mmdebstrap >/dev/null || {
		echo 'mmdebstrap is missing: run bash scripts/install-test-tools.sh' >&2
		exit 1
	}
	# Left by an interrupted build (the lock is free, so no build is running); it held no mounts of
	# the host's, as those were in mmdebstrap's own namespace, and --one-file-system makes sure.
	rm -rf --one-file-system "$cache"/.building-*
	local building started size
	building=$(mktemp -d "$cache/.building-$key.XXXXXX")
	# A failed build is removed now; a killed one by the next build.
	trap 'rm -rf --one-file-system "$building"' EXIT
	started=$SECONDS
	echo "Building the Debian unstable root from $mirror_uri in $cache/$key: ${packages[*]}" >&2
	if [ "$(id -u)" -eq 0 ]; then
		mmdebstrap --mode=unshare --quiet "${options[@]}" "$building" "$mirror_uri" >&2
	else
		# In unshare mode a folder would be owned by the subordinate ids, which the user can
		# neither change nor remove; a tarball unpacked by the user is the user's (device nodes
		# left out: the runs bind the host's /dev).
		mmdebstrap --mode=unshare --quiet "${options[@]}" - "$mirror_uri" | tar -x -C "$building" --exclude='./dev/*'
	fi
	chmod 755 "$building" # mktemp made it private; the root is read by whoever runs the tests
	sync -f "$building"
	mv "$building" "$root"
	trap - EXIT
	size=$(du -sm "$root" | cut -f1)
	echo "Built the Debian unstable root in $((SECONDS - started)) s: ${size} MB in $cache/$key" >&2
	# Roots of older package lists are not used again.
	find "$cache" -mindepth 1 -maxdepth 1 -type d ! -name "$key" -exec rm -rf {} +
}

# The command in the root: a private mount namespace (user namespace too without root) where the
# host's /dev and /proc and the workspace are bound in, then chroot with a clean environment.
run_in_root() {
	local bind=''
	if [ "${1:-}" = --bind ]; then
		bind=$(realpath "$2")
		shift 2
	fi
	local namespace=(unshare --mount --propagation private)
	[ "$(id -u)" -eq 0 ] || namespace=(unshare --user --map-root-user --mount --propagation private)
	# shellcheck disable=SC2016 # expanded by the inner shell
	exec "${namespace[@]}" bash -euc '
		root=$1 bind=$2
		shift 2
		mount --rbind /dev "$root/dev"
		mount --rbind /proc "$root/proc"
		workdir=/
		if [ -n "$bind" ]; then
			mount --bind "$bind" "$root/workspace"
			workdir=/workspace
		fi
		# No bytecode written: the root is shared by every run and the workspace is thrown away.
		exec chroot "$root" /usr/bin/env -i --chdir="$workdir" PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 "$@"
	' bash "$root" "$bind" "$@"
}

case "${1:-}" in
path)
	ensure_root
	echo "$root"
	;;
run)
	shift
	ensure_root
	run_in_root "$@"
	;;
*)
	echo 'usage: debian-unstable.sh path | run [--bind DIR] COMMAND…' >&2
	exit 2
	;;
esac
