#!/bin/sh
# Write the commits of build/linux (base..HEAD) into a patch directory as
# "git format-patch" files and rewrite its series file, keeping the "#"
# comments and group headers of the existing patches/series.
#
# Usage: export.sh [DIR]   (default: patches/)
#
# The output is stable: no commit ids, no signature, no version footer, and
# git's global and system configuration are ignored, so an unchanged tree
# always exports to byte-identical files.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
out=${1:-$top/patches}

[ -d "$K/.git" ] || { echo "export: no build/linux; run 'make tree'" >&2; exit 1; }
if [ -n "$(git -C "$K" status --porcelain)" ]; then
	echo "export: build/linux has uncommitted changes; commit them first" >&2
	git -C "$K" status --short >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
git -C "$K" -c core.abbrev=12 -c diff.renames=true \
	format-patch --quiet --zero-commit --no-signature --no-numbered \
	--abbrev=12 --no-thread --no-cover-letter -o "$tmp" base..HEAD

# format-patch folds a long From: header; checkpatch.pl misreads the
# folded form, so keep it on one line (git am reads both).
for f in "$tmp"/*.patch; do
	[ -e "$f" ] && sed -i '1,4{/^From: /{N;s/\n / /}}' "$f"
done

mkdir -p "$out"
python3 "$top/scripts/series.py" "$top/patches/series" "$tmp" > "$tmp/series.new"
find "$out" -maxdepth 1 -name '*.patch' -delete
for f in "$tmp"/*.patch; do
	[ -e "$f" ] && cp "$f" "$out/"
done
cp "$tmp/series.new" "$out/series"
