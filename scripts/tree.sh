#!/bin/sh
# Set up build/linux: the pinned base as a single "base" commit (tagged
# "base"), then one commit per patch listed in patches/series.
#
# An existing tree is only replaced when it holds nothing that patches/
# lacks; otherwise this refuses and points at "make export".
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
B=$top/build
K=$B/linux
cd "$top"

series_files() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' patches/series
}

if [ -d "$K/.git" ]; then
	if ! scripts/status.sh >/dev/null 2>&1; then
		echo "tree: build/linux holds work that patches/ lacks:" >&2
		scripts/status.sh >&2 || true
		echo "tree: run 'make export' (or remove build/linux) first" >&2
		exit 1
	fi
	if [ "$(cat "$B/applied" 2>/dev/null)" = "$(scripts/fingerprint.sh)" ] ||
	   scripts/status.sh | grep -q 'agree$'; then
		git -C "$K" rev-parse HEAD > "$B/applied-head"
		scripts/fingerprint.sh > "$B/applied"
		echo "tree: build/linux is up to date with patches/"
		exit 0
	fi
	echo "tree: re-applying patches/ onto base"
	git -C "$K" checkout -q --detach base
	git -C "$K" branch -q -f series base
	git -C "$K" checkout -q series
else
	set -- $(scripts/deps.sh)
	tarball=$1 version=$2
	mkdir -p "$B"
	rm -rf "$K" "$B/unpack"
	mkdir "$B/unpack"
	echo "tree: unpacking linux-source-6.1 $version"
	tar -C "$B/unpack" -xf "$tarball"
	mv "$B/unpack"/linux-source-6.1 "$K"
	rmdir "$B/unpack"
	cd "$K"
	git init -q -b series
	git config core.abbrev 12
	git config gc.auto 0
	if ! git config user.email >/dev/null; then
		git config user.name "LR series tree"
		git config user.email "lr-series@localhost"
	fi
	# Debian's tarball appends a packaging block to .gitignore that
	# ignores every top-level path, which would hide new files from
	# "git status" and "git add".  Drop that block in the base commit.
	sed -i '/^# Debian packaging: ignore everything/,$d' .gitignore
	sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' .gitignore
	sed -i '${/^#$/d}' .gitignore
	git add -A -f
	GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost \
	GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@localhost \
	GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' \
	GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		git commit -q -m "base: Debian linux-source-6.1 $version" \
			-m "Unpacked from /usr/src/linux-source-6.1.tar.xz, without the
Debian packaging block at the end of .gitignore."
	git tag base
	echo "$version" > "$B/base-version"
	cd "$top"
fi

n=0
for p in $(series_files); do
	git -C "$K" am -q --keep-cr "$top/patches/$p" || {
		echo "tree: patches/$p does not apply" >&2
		git -C "$K" am --abort >/dev/null 2>&1 || true
		exit 1
	}
	n=$((n + 1))
done
git -C "$K" rev-parse HEAD > "$B/applied-head"
scripts/fingerprint.sh > "$B/applied"
echo "tree: build/linux = base + $n patches"
