#!/bin/sh
# Apply the series with "git am" to a user's own 6.1.y git tree.
# Usage: apply.sh /path/to/linux
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
kdir=${1:-}
[ -n "$kdir" ] || { echo "usage: make apply KDIR=/path/to/linux" >&2; exit 2; }
git -C "$kdir" rev-parse --git-dir >/dev/null 2>&1 ||
	{ echo "apply: $kdir is not a git tree" >&2; exit 2; }
[ -z "$(git -C "$kdir" status --porcelain --untracked-files=no)" ] ||
	{ echo "apply: $kdir has uncommitted changes" >&2; exit 2; }

version=$(make -s -C "$kdir" kernelversion 2>/dev/null || true)
case $version in
6.1.*) ;;
*) echo "apply: WARNING: $kdir is '$version', the series targets 6.1.192" >&2 ;;
esac

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$top/patches/series" |
	sed "s|^|$top/patches/|" | xargs git -C "$kdir" am -3
echo "apply: $(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$top/patches/series" | wc -l) patches applied to $kdir"
