#!/bin/sh
# Exit non-zero, saying what is missing, if build/linux holds commits or
# changes that patches/ lacks.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
B=$top/build

if [ ! -d "$K/.git" ]; then
	echo "status: no build/linux (nothing to lose)"
	exit 0
fi

rc=0
if [ -d "$K/.git/rebase-merge" ] || [ -d "$K/.git/rebase-apply" ]; then
	echo "status: a rebase or git am is in progress in build/linux"
	rc=1
fi
dirty=$(git -C "$K" status --porcelain)
if [ -n "$dirty" ]; then
	echo "status: build/linux has uncommitted changes:"
	echo "$dirty" | sed 's/^/  /'
	rc=1
fi
[ $rc -eq 0 ] || exit $rc

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$top/scripts/export.sh" "$tmp/patches"

if diff -r -q "$top/patches" "$tmp/patches" >/dev/null; then
	echo "status: build/linux and patches/ agree"
	exit 0
fi

if [ "$(git -C "$K" rev-parse HEAD)" = "$(cat "$B/applied-head" 2>/dev/null)" ]; then
	echo "status: patches/ changed since build/linux was made; run 'make tree'"
	exit 0
fi

echo "status: build/linux holds work that patches/ lacks:"
diff -r -q "$top/patches" "$tmp/patches" | sed 's/^/  /' || true
echo "status: run 'make export', review 'git diff patches/', and commit it"
exit 1
