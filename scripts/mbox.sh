#!/bin/sh
# Write a sendable mbox of the series to build/lr-sched-6.1.mbox: the cover
# letter from cover-letter.txt, then every patch, each carrying the
# sender's Signed-off-by (name and address from git config).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
out=$top/build/lr-sched-6.1.mbox

"$top/scripts/tree.sh" >&2
name=$(git -C "$K" config user.name) && email=$(git -C "$K" config user.email) || {
	echo "mbox: set user.name and user.email in git config first" >&2
	exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$K" format-patch --quiet --cover-letter --numbered --signoff \
	--subject-prefix='PATCH 6.1.y' --to=dri-devel@lists.freedesktop.org \
	--cover-from-description=message -o "$tmp" base..HEAD

subject=$(sed -n 1p "$top/cover-letter.txt")
sed -n '3,$p' "$top/cover-letter.txt" > "$tmp/blurb"
cover=$(ls "$tmp"/0000-*.patch)
python3 - "$cover" "$subject" "$tmp/blurb" <<'PY'
import sys
path, subject, blurb = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
text = open(path).read()
text = text.replace('*** SUBJECT HERE ***', subject, 1)
text = text.replace('*** BLURB HERE ***', blurb.rstrip('\n'), 1)
open(path, 'w').write(text)
PY
cat "$tmp"/*.patch > "$out"
echo "mbox: $(grep -c '^Subject: ' "$out") messages from $name <$email> in $out"
