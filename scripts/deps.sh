#!/bin/sh
# Install what the patch queue needs on a fresh Debian bookworm machine and
# make sure the pinned base tarball is present.  Prints the tarball path and
# the Debian version it came from on the last line: "<path> <version>".
set -eu

PIN=${BASE_VERSION:-6.1.192-2}
PKG=linux-source-6.1
TARBALL=/usr/src/linux-source-6.1.tar.xz
TOOLS="bc bison flex libelf-dev libssl-dev ccache python3 python3-ply python3-git
       perl git xz-utils rsync
       make gcc qemu-system-x86 qemu-system-data spin busybox-static
       sparse coccinelle python3-sphinx python3-sphinx-rtd-theme b4"

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive

missing=
for p in $TOOLS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
have=$(dpkg-query -W -f='${Version}' "$PKG" 2>/dev/null || true)

if [ -n "$missing" ] || [ "$have" != "$PIN" ]; then
	$SUDO apt-get update -qq >&2
fi
if [ -n "$missing" ]; then
	echo "deps: installing$missing" >&2
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -qq $missing >&2
fi

if [ "$have" != "$PIN" ]; then
	if apt-cache madison "$PKG" | awk '{print $3}' | grep -qx "$PIN"; then
		$SUDO apt-get install -y -qq --allow-downgrades "$PKG=$PIN" >&2
	else
		echo "deps: WARNING: $PKG $PIN is no longer in the archive;" >&2
		echo "deps: WARNING: falling back to the newest $PKG available." >&2
		echo "deps: WARNING: the series is pinned to $PIN and may need a rebase." >&2
		$SUDO apt-get install -y -qq "$PKG" >&2
	fi
	have=$(dpkg-query -W -f='${Version}' "$PKG")
fi

[ -f "$TARBALL" ] || { echo "deps: $TARBALL missing" >&2; exit 1; }
echo "$TARBALL $have"
