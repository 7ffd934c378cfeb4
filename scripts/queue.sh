#!/bin/bash
# The patch queue: build/linux (the pinned base as one commit tagged "base",
# then one commit per patch), patches/ (the series), and build/state, which
# records which patches/ gave build/linux. make runs this file as a command;
# check.sh sources it for its functions.
#
#   queue.sh tree [DIR]   (re)create build/linux from the base and patches/
#   queue.sh export       write build/linux's commits back into patches/
#   queue.sh status       fail if build/linux holds work that patches/ lacks
#   queue.sh mbox         write a sendable series to build/lr-sched-6.1.mbox
#   queue.sh apply KDIR   git am the series onto a user's own 6.1.y tree

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
B=$top/build
K=$B/linux

# The patch files of patches/series, in order (scripts/series.py reads it).
series() { python3 "$top/scripts/series.py" list "$top/patches/series"; }

# build/state: "head=<commit>" and "patches=<hash of patches/>". While
# build/linux's HEAD is that commit, it is what that patches/ gave.
state() { sed -n "s/^$1=//p" "$B/state" 2>/dev/null; }
fingerprint() {
	(cd "$top/patches" && { cat series; series | xargs -r cat; } | sha1sum | cut -d' ' -f1)
}
save_state() {
	printf 'head=%s\npatches=%s\n' "$(git -C "$K" rev-parse HEAD)" "$(fingerprint)" > "$B/state"
}
# The Debian version of the base, from the base commit's subject.
base_version() { git -C "$K" log -1 --format=%s base | sed 's/.* //'; }

# export_to DIR: build/linux's commits as "git format-patch" files, and a
# series file that keeps the comments and groups of patches/series. No commit
# ids, signature or version footer, and no global or system git config, so
# an unchanged tree always exports to the same bytes.
export_to() {
	local f
	if [ -n "$(git -C "$K" status --porcelain)" ]; then
		echo "export: build/linux has uncommitted changes; commit them first" >&2
		git -C "$K" status --short >&2
		return 1
	fi
	GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
	git -C "$K" -c core.abbrev=12 -c diff.renames=true \
		format-patch --quiet --zero-commit --no-signature --no-numbered \
		--abbrev=12 --no-thread --no-cover-letter -o "$1" base..HEAD || return 1
	# format-patch folds a long From: header; checkpatch.pl misreads the
	# folded form, so keep it on one line (git am reads both).
	for f in "$1"/*.patch; do
		[ -e "$f" ] && sed -i '1,4{/^From: /{N;s/\n / /}}' "$f"
	done
	python3 "$top/scripts/series.py" rewrite "$top/patches/series" "$1" > "$1.series" &&
		mv "$1.series" "$1/series"
}

# status [DIR]: 0 if build/linux and patches/ agree (or there is no tree);
# 1 if build/linux holds uncommitted changes or commits that patches/ lacks;
# 2 if it is what an older patches/ gave, nothing more ("make tree" updates
# it). Exports build/linux only if HEAD moved, into DIR if given and missing.
status() {
	local x=${1:-} dirty rc=0
	[ -d "$K/.git" ] || { echo "status: no build/linux (nothing to lose)"; return 0; }
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
	[ $rc -eq 0 ] || return 1
	if [ "$(git -C "$K" rev-parse HEAD)" = "$(state head)" ]; then
		[ "$(state patches)" = "$(fingerprint)" ] || {
			echo "status: patches/ changed since build/linux was made; run 'make tree'"
			return 2
		}
	else
		if [ -z "$x" ]; then
			x=$(mktemp -d)/patches
			trap "rm -rf '${x%/patches}'; trap - RETURN" RETURN
		fi
		[ -d "$x" ] || export_to "$x" || return 1
		if ! diff -r -q "$top/patches" "$x" >/dev/null; then
			echo "status: build/linux holds work that patches/ lacks:"
			diff -r -q "$top/patches" "$x" | sed 's/^/  /'
			echo "status: run 'make export', review 'git diff patches/', and commit it"
			return 1
		fi
	fi
	echo "status: build/linux and patches/ agree"
}

# tree [DIR]: build/linux = base + patches/. An existing tree is kept if it
# agrees with patches/, rebuilt if it is only out of date, and otherwise left
# alone with an error. DIR goes to status.
tree() {
	local out rc=0 p
	if [ -d "$K/.git" ]; then
		out=$(status "$@") || rc=$?
		if [ $rc -eq 0 ]; then
			save_state
			echo "tree: build/linux is up to date with patches/"
			return
		elif [ $rc -ne 2 ]; then
			printf '%s\n' "$out" "tree: run 'make export' (or remove build/linux) first" >&2
			return 1
		fi
		echo "tree: re-applying patches/ onto base"
		git -C "$K" checkout -q --detach base
		git -C "$K" branch -q -f series base
		git -C "$K" checkout -q series
	else
		set -- $("$top/scripts/deps.sh")	# tarball version
		echo "tree: unpacking linux-source-6.1 $2"
		rm -rf "$K" "$B/unpack"
		mkdir -p "$B/unpack"
		tar -C "$B/unpack" -xf "$1"
		mv "$B/unpack/linux-source-6.1" "$K"
		rmdir "$B/unpack"
		cd "$K"
		git init -q -b series
		git config core.abbrev 12
		git config gc.auto 0
		git config user.email >/dev/null ||
			{ git config user.name "LR series tree"; git config user.email lr-series@localhost; }
		# Debian's tarball appends a packaging block to .gitignore that
		# ignores every top-level path, which would hide new files from
		# "git status" and "git add". Drop that block in the base commit.
		sed -i '/^# Debian packaging: ignore everything/,$d' .gitignore
		sed -i -e :a -e '/^\n*$/{$d;N;ba' -e '}' .gitignore
		sed -i '${/^#$/d}' .gitignore
		git add -A -f
		GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@localhost GIT_AUTHOR_DATE=2000-01-01T00:00:00Z \
		GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@localhost GIT_COMMITTER_DATE=2000-01-01T00:00:00Z \
			git commit -q -m "base: Debian linux-source-6.1 $2" \
				-m "Unpacked from /usr/src/linux-source-6.1.tar.xz, without the
Debian packaging block at the end of .gitignore."
		git tag base
		cd "$top"
	fi
	for p in $(series); do
		git -C "$K" am -q --keep-cr "$top/patches/$p" || {
			echo "tree: patches/$p does not apply" >&2
			git -C "$K" am --abort >/dev/null 2>&1 || true
			return 1
		}
	done
	save_state
	echo "tree: build/linux = base + $(series | wc -l) patches"
}

# mbox: a cover letter from cover-letter.txt (subject, blank line, text), then
# every patch with the sender's Signed-off-by (name and address: git config).
mbox() {
	local out=$B/lr-sched-6.1.mbox tmp name email
	tree >&2
	name=$(git -C "$K" config user.name) && email=$(git -C "$K" config user.email) ||
		{ echo "mbox: set user.name and user.email in git config first" >&2; return 1; }
	tmp=$(mktemp -d)
	trap "rm -rf '$tmp'; trap - RETURN" RETURN
	git -C "$K" format-patch --quiet --cover-letter --numbered --signoff \
		--subject-prefix='PATCH 6.1.y' --to=dri-devel@lists.freedesktop.org \
		--cover-from-description=message -o "$tmp" base..HEAD
	python3 - "$tmp"/0000-*.patch "$top/cover-letter.txt" <<'PY'
import sys
subject, _, blurb = open(sys.argv[2]).read().split('\n', 2)
text = open(sys.argv[1]).read().replace('*** SUBJECT HERE ***', subject, 1)
open(sys.argv[1], 'w').write(text.replace('*** BLURB HERE ***', blurb.rstrip('\n'), 1))
PY
	cat "$tmp"/*.patch > "$out"
	echo "mbox: $(grep -c '^Subject: ' "$out") messages from $name <$email> in $out"
}

# apply KDIR: "git am -3" the series onto a user's own 6.1.y git tree.
apply() {
	local kdir=${1:-} version
	[ -n "$kdir" ] || { echo "usage: make apply KDIR=/path/to/linux" >&2; return 2; }
	git -C "$kdir" rev-parse --git-dir >/dev/null 2>&1 ||
		{ echo "apply: $kdir is not a git tree" >&2; return 2; }
	[ -z "$(git -C "$kdir" status --porcelain --untracked-files=no)" ] ||
		{ echo "apply: $kdir has uncommitted changes" >&2; return 2; }
	version=$(make -s -C "$kdir" kernelversion 2>/dev/null || true)
	[[ $version == 6.1.* ]] ||
		echo "apply: WARNING: $kdir is '$version', the series targets 6.1.192" >&2
	series | sed "s|^|$top/patches/|" | xargs git -C "$kdir" am -3
	echo "apply: $(series | wc -l) patches applied to $kdir"
}

# As a command, every step must succeed (set -e).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -eu
	case ${1:-} in
	tree|mbox|apply) "$@" ;;
	status)	status || [ $? -eq 2 ] ;;	# out of date only: nothing to lose
	export)	[ -d "$K/.git" ] || { echo "export: no build/linux; run 'make tree'" >&2; exit 1; }
		tmp=$(mktemp -d)
		trap 'rm -rf "$tmp"' EXIT
		export_to "$tmp/patches"
		find "$top/patches" -maxdepth 1 -name '*.patch' -delete
		cp "$tmp"/patches/* "$top/patches/" ;;
	*)	sed -n '7,11s/^# *//p' "$0" >&2; exit 2 ;;
	esac
fi
