#!/bin/sh
# A hash of what patches/ holds: the series file and every file it lists.
set -eu
cd "$(dirname "$0")/../patches"
{ cat series; sed -e 's/#.*//' -e '/^[[:space:]]*$/d' series | xargs -r cat; } |
	sha1sum | cut -d' ' -f1
