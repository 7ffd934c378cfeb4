#!/bin/bash
# Static checkers on the files the series touches ("git diff --name-only
# base HEAD" in TREE): sparse, W=1, coccinelle, htmldocs, get_maintainer on
# every patch, and the sendable mbox (checkpatch, git am, b4).
#
#   scripts/checkers.sh TREE                 check TREE (series tip, "base" ref)
#   scripts/checkers.sh --regen-base TREE    rewrite configs/base-warnings.txt
#
# Prints one PASS, FAIL or SKIP line per check, as check.sh's check() does
# (a FAIL is followed by up to 15 indented lines), and exits non-zero on any
# FAIL. A finding is new if the base tree does not have it: the base's
# findings on the touched files are kept, without line numbers, in
# configs/base-warnings.txt, which --regen-base makes from "git archive
# base". TREE's checkout is never changed; output goes to build/checkers*.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
B=$top/build
BASELIST=$top/configs/base-warnings.txt
export PATH="/usr/lib/ccache:$PATH" CCACHE_BASEDIR="$top"

regen=0
if [ "${1:-}" = --regen-base ]; then
	regen=1
	shift
fi
[ $# -eq 1 ] && [ -d "$1" ] ||
	{ echo "usage: $0 [--regen-base] TREE" >&2; exit 2; }
T=$(cd "$1" && pwd)
git -C "$T" rev-parse -q --verify 'base^{commit}' >/dev/null ||
	{ echo "$T: no 'base' ref" >&2; exit 2; }

tmp=$(mktemp -d)
M=$B/checkers-mbox
# The one git worktree of TREE this script makes (base, for git am and b4).
rm_worktree() {
	git -C "$T" worktree remove --force "$M/am" 2>/dev/null
	rm -rf "$M/am"
	git -C "$T" worktree prune 2>/dev/null
}
cleanup() {
	rm_worktree
	rm -rf "$tmp"
}
trap cleanup EXIT

touched=$(git -C "$T" diff --name-only base HEAD)
# The touched files the checkers read (C sources, headers and rst of the
# kernel proper; tools/ is built by its own Makefiles) that also exist at
# base: only they can have base findings.
at_base() {
	local f
	for f in $(printf '%s\n' $touched | grep -E '\.(c|h|rst)$' | grep -v '^tools/'); do
		git -C "$T" cat-file -e "base:$f" 2>/dev/null && echo "$f"
	done
}
printf '%s\n' $touched > "$tmp/touched"

# check NAME CMD...: as in check.sh.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "PASS $name"
	else
		echo "FAIL $name"
		printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
		return 1
	fi
}

# findings TOOL < LOG: the log's findings on touched files, one per line as
# "TOOL<tab>FILE<tab>MESSAGE", sorted, without line or column numbers. A
# finding reported more than once at the same place (a header seen from
# several .c files) counts once; sparse's "expected/got" lines are joined to
# the warning they explain.
findings() {
	python3 -c '
import re, sys
tool, files = sys.argv[1], open(sys.argv[2]).read().split()
pat = re.compile(r"(?:^|[/\s])(" + "|".join(re.escape(f) for f in files) + r"):(\d*)((?::\d+(?:-\d+)?)*):(.*)$")
seen, out = set(), []
for line in sys.stdin:
    m = pat.search(line.rstrip("\n"))
    if not m:
        continue
    f, ln, col, rest = m.groups()
    if rest.startswith("    ") and out and out[-1][0] == (f, ln, col):
        out[-1][1] += " / " + rest.strip()
        continue
    msg = rest.strip()
    if not msg or msg.startswith("note:") or msg.startswith("In function"):
        continue
    out.append([(f, ln, col), msg])
for (f, ln, col), msg in out:
    msg = re.sub(r"\bline \d+", "line N", msg)
    if (f, ln, col, msg) not in seen:
        seen.add((f, ln, col, msg))
        print("%s\t%s\t%s" % (tool, f, msg))
' "$1" "$tmp/touched" | LC_ALL=C sort
}

# compare TOOL FOUND: fail with the findings of FOUND (sorted) that the base
# list does not have, as many times as they exceed it.
compare() {
	local new
	LC_ALL=C sort "$BASELIST" 2>/dev/null | grep -P "^$1\t" > "$tmp/base.$1"
	new=$(LC_ALL=C comm -23 "$2" "$tmp/base.$1")
	[ -z "$new" ] && return
	echo "$(echo "$new" | wc -l) new, at (grep the log for the line):"
	echo "$new" | cut -f2- | sed 's/\t/: /'
	return 1
}

# The kernel config: allnoconfig for x86_64 and what builds every touched .c
# file. DRM_V3D (COMPILE_TEST) selects DRM_SCHED at base, where the series'
# KUnit options do not exist; lockdep and tracepoints build the code under
# CONFIG_LOCKDEP and the scheduler's trace events.
configure() {	# SRC O
	local sym
	mkdir -p "$2"
	[ -f "$2/.config" ] && cp -p "$2/.config" "$2/.config.prev"
	make -s -C "$1" O="$2" ARCH=x86_64 allnoconfig || return 1
	"$1/scripts/config" --file "$2/.config" \
		-e COMPILE_TEST -e SMP -e COMMON_CLK -e DEBUG_FS -e MEMFD_CREATE \
		-e DEBUG_KERNEL -e PROVE_LOCKING -e HIGH_RES_TIMERS \
		-e FTRACE -e ENABLE_DEFAULT_TRACERS \
		-e DRM -e DRM_V3D -e KUNIT -e DRM_KUNIT_TEST -e DRM_SCHED_KUNIT_TEST \
		-e DMA_SHARED_BUFFER -e SYNC_FILE -e SW_SYNC -e UDMABUF \
		-e DMABUF_SELFTESTS -e DMABUF_KUNIT_TEST || return 1
	make -s -C "$1" O="$2" ARCH=x86_64 olddefconfig || return 1
	for sym in DRM DRM_SCHED KUNIT SYNC_FILE SW_SYNC UDMABUF PROVE_LOCKING TRACEPOINTS; do
		grep -q "^CONFIG_$sym=y" "$2/.config" || { echo "not enabled: $sym"; return 1; }
	done
	# An unchanged .config keeps its time, so that kbuild does not resync.
	if [ -f "$2/.config.prev" ] && cmp -s "$2/.config" "$2/.config.prev"; then
		mv "$2/.config.prev" "$2/.config"
	fi
	rm -f "$2/.config.prev"
}

# compile SRC O LOG FILES...: sparse (make C=2, a wrapper that keeps its
# output apart from gcc's) into LOG.sparse, then the same objects again with
# W=1 into LOG.w1 (the objects are removed first so that gcc, or ccache,
# prints the warnings again). Fails if a touched .c file was not built.
compile() {
	local src=$1 o=$2 log=$3 f objs=
	shift 3
	for f; do objs="$objs ${f%.c}.o"; done
	configure "$src" "$o" > "$log.config" 2>&1 ||
		{ cat "$log.config"; return 1; }
	rm -rf "$o/sparse"
	mkdir -p "$o/sparse"
	cat > "$o/sparse.sh" <<-'EOF'
	#!/bin/sh
	# CHECK= for kbuild: sparse, its output kept per source file.
	for src; do :; done
	sparse "$@" > "$SPARSE_LOGS/$(echo "$src" | tr / _).log" 2>&1
	EOF
	chmod +x "$o/sparse.sh"
	SPARSE_LOGS=$o/sparse make -C "$src" O="$o" ARCH=x86_64 -j2 C=2 \
		CHECK="$o/sparse.sh" $objs > "$log.c2" 2>&1 ||
		{ tail -n 30 "$log.c2"; return 1; }
	cat "$o"/sparse/*.log > "$log.sparse" 2>/dev/null
	(cd "$o" && rm -f $objs)
	make -C "$src" O="$o" ARCH=x86_64 -j2 W=1 $objs > "$log.w1" 2>&1 ||
		{ tail -n 30 "$log.w1"; return 1; }
	for f; do
		[ -f "$o/${f%.c}.o" ] || { echo "not built: ${f%.c}.o"; return 1; }
		[ -f "$o/sparse/$(echo "$src/$f" | tr / _).log" ] ||
			{ echo "sparse did not check $f"; return 1; }
	done
}

# cocci SRC LOG FILES...: every script of scripts/coccinelle in report mode,
# with coccicheck's options (the script's own "Options:", the kernel's
# include paths), on the given files only, two spatch at a time.
cocci() {
	local src=$1 log=$2 v
	shift 2
	printf '%s\n' "$@" > "$tmp/cocci-files"
	v=$(spatch --version | sed -n 's/^spatch version \([0-9.]*\).*/\1/p')
	(cd "$src" && find scripts/coccinelle -name '*.cocci' -type f | sort) |
	SPATCH_VERSION=$v FILES=$tmp/cocci-files SRC=$src \
	xargs -P2 -I{} sh -c '
		cd "$SRC" || exit 1
		opt=$(grep "Options:" {} | cut -d: -f2)
		req=$(grep "Requires:" {} | cut -d: -f2 | sed "s| ||")
		if [ -n "$req" ] && ! printf "%s\n%s\n" "$req" "$SPATCH_VERSION" | sort -CV; then
			echo "skipped {}: needs spatch $req" >&2
			exit 0
		fi
		spatch -D report --no-show-diff --very-quiet --cocci-file {} $opt \
			-I ./arch/x86/include -I ./arch/x86/include/generated \
			-I ./include -I ./arch/x86/include/uapi \
			-I ./arch/x86/include/generated/uapi -I ./include/uapi \
			-I ./include/generated/uapi \
			--include ./include/linux/compiler-version.h \
			--include ./include/linux/kconfig.h $(cat "$FILES") 2>&1 ||
			echo "spatch failed: {}"
	' > "$log" 2>&1
	! grep '^spatch failed: ' "$log"
}

# docs SRC DIR FILES...: sphinx with the kernel's conf.py and kernel-doc
# extension on the given .rst files only (copied under DIR/src, where an
# index.rst lists them), HTML in DIR/html. Warnings name the copies'
# Documentation/ paths.
docs() {
	local src=$1 d=$2 f
	shift 2
	rm -rf "$d"
	mkdir -p "$d/src"
	printf 'Touched documents\n=================\n\n.. toctree::\n\n' > "$d/src/index.rst"
	for f; do
		mkdir -p "$d/src/$(dirname "${f#Documentation/}")"
		cp "$src/$f" "$d/src/${f#Documentation/}"
		echo "   ${f#Documentation/}" | sed 's/\.rst$//' >> "$d/src/index.rst"
	done
	(cd "$src" && srctree=$src PYTHONDONTWRITEBYTECODE=1 sphinx-build -b html -q -E \
		-c "$src/Documentation" -d "$d/doctrees" \
		-D kerneldoc_srctree="$src" -D kerneldoc_bin="$src/scripts/kernel-doc" \
		-D version=6.1 -D release=6.1 "$d/src" "$d/html") > "$d/log.raw" 2>&1
	local rc=$?
	sed "s|$d/src/|Documentation/|g" "$d/log.raw" > "$d/log"
	return $rc
}

# run CHECKER: time one checker (seconds in $secs).
secs=0
run() { local s=$(date +%s); "$@"; local rc=$?; secs=$(($(date +%s) - s)); return $rc; }

cfiles() { grep '\.c$' | grep -v '^tools/'; }
rstfiles() { grep '^Documentation/.*\.rst$'; }
# The coccinelle input: touched C sources and headers of the kernel proper.
ccfiles() { grep -E '\.[ch]$' | grep -v '^tools/'; }

# --regen-base: the same checkers on "git archive base", written to BASELIST.
if [ $regen -eq 1 ]; then
	bs=$B/checkers-base
	rm -rf "$bs/src"
	mkdir -p "$bs/src"
	git -C "$T" archive base | tar -x -C "$bs/src" || exit 1
	files=$(at_base)
	out=$bs/findings
	: > "$out"
	compile "$bs/src" "$bs/o" "$bs/log" $(echo "$files" | cfiles) || exit 1
	findings sparse < "$bs/log.sparse" >> "$out"
	findings w1 < "$bs/log.w1" >> "$out"
	cocci "$bs/src" "$bs/log.cocci" $(echo "$files" | ccfiles) || exit 1
	findings cocci < "$bs/log.cocci" >> "$out"
	docs "$bs/src" "$bs/doc" $(echo "$files" | rstfiles) || { tail "$bs/doc/log"; exit 1; }
	findings htmldocs < "$bs/doc/log" >> "$out"
	{
		echo "# The base's findings on the files the series touches, for"
		echo "# scripts/checkers.sh: checker, file and message, no line numbers."
		echo "# Made by 'scripts/checkers.sh --regen-base TREE'; do not edit."
		echo "# $(git -C "$T" log -1 --format=%s base)"
		echo "$files" | sed 's/^/# file: /'
		LC_ALL=C sort "$out"
	} > "$BASELIST"
	for t in sparse w1 cocci htmldocs; do
		echo "$t: $(grep -cP "^$t\t" "$out") base findings"
	done
	echo "wrote $BASELIST"
	exit 0
fi

# The base list must cover the touched files that exist at base.
stale_base() {
	[ -f "$BASELIST" ] || { echo "no $BASELIST: run $0 --regen-base TREE"; return 1; }
	local missing
	missing=$(at_base | while read -r f; do
		grep -qxF "# file: $f" "$BASELIST" || echo "$f"
	done)
	[ -z "$missing" ] && return
	echo "$BASELIST predates these touched files; run $0 --regen-base TREE:"
	echo "$missing"
	return 1
}

O=$B/checkers
mkdir -p "$O"
nbase() { grep -cP "^$1\t" "$BASELIST" 2>/dev/null; }

sparse_w1() {
	check "checkers: base list covers every touched file" stale_base
	if run compile "$T" "$O" "$O/log" $(echo "$touched" | cfiles) > "$O/log.err" 2>&1; then
		findings sparse < "$O/log.sparse" > "$O/sparse.found"
		findings w1 < "$O/log.w1" > "$O/w1.found"
		check "sparse: no new warnings in touched files ($(wc -l < "$O/sparse.found") found, $(nbase sparse) at base; build and sparse and W=1 ${secs} s)" \
			compare sparse "$O/sparse.found"
		check "W=1: no new gcc warnings in touched files ($(wc -l < "$O/w1.found") found, $(nbase w1) at base)" \
			compare w1 "$O/w1.found"
	else
		echo "FAIL sparse and W=1: every touched .c file builds (build/checkers/log.*)"
		tail -n 15 "$O/log.err" | sed 's/^/    /'
	fi
}

coccinelle() {
	run cocci "$T" "$O/log.cocci" $(echo "$touched" | ccfiles) > "$O/log.err" 2>&1 ||
		{ echo "FAIL coccinelle: spatch ran (build/checkers/log.cocci)"; sed 's/^/    /' "$O/log.err"; }
	findings cocci < "$O/log.cocci" > "$O/cocci.found"
	check "coccinelle: no new reports on touched files ($(wc -l < "$O/cocci.found") found, $(nbase cocci) at base; ${secs} s)" \
		compare cocci "$O/cocci.found"
}

# A DOC: section is in the HTML if the first phrase of five or more plain
# words of its kernel-doc output is in the HTML's text.
doc_in_html() {	# FILE TITLE
	python3 - "$T/$1" "$2" "$T" "$B/checkers-doc/html" <<'PY'
import html, os, re, subprocess, sys
src, title, tree, out = sys.argv[1:]
rst = subprocess.run(["perl", tree + "/scripts/kernel-doc", "-rst", "-function",
              title, src], capture_output=True, text=True).stdout
phrase = None
for line in rst.splitlines():
    if line.startswith(".."):
        continue
    m = re.search(r"(?:[A-Za-z][\w'-]*[,;]? ){4,}[A-Za-z][\w'-]*", line)
    if m:
        phrase = m.group(0)
        break
if not phrase:
    sys.exit("kernel-doc gives no text for DOC: " + title)
norm = lambda s: " ".join(s.split())
for root, _, names in os.walk(out):
    for n in names:
        if n.endswith(".html"):
            text = open(os.path.join(root, n), encoding="utf-8").read()
            text = html.unescape(re.sub(r"<[^>]*>", "", text))
            if norm(phrase) in norm(text):
                print("found in", n + ":", phrase)
                sys.exit(0)
sys.exit("not in the HTML: '" + phrase + "'")
PY
}

htmldocs() {
	local d=$B/checkers-doc f t
	run docs "$T" "$d" $(echo "$touched" | rstfiles) || {
		echo "FAIL htmldocs: sphinx-build ran (build/checkers-doc/log)"
		tail -n 15 "$d/log" | sed 's/^/    /'
	}
	findings htmldocs < "$d/log" > "$O/htmldocs.found"
	check "htmldocs: no new warnings on touched files ($(wc -l < "$O/htmldocs.found") found, $(nbase htmldocs) at base; sphinx ${secs} s)" \
		compare htmldocs "$O/htmldocs.found"
	git -C "$T" diff base HEAD | awk '
		/^\+\+\+ b\// { f = substr($0, 7) }
		/^\+.*DOC:/ { t = $0; sub(/.*DOC:[ \t]*/, "", t); print f "\t" t }' |
	while IFS=$'\t' read -r f t; do
		check "htmldocs: DOC: $t ($f) is in the HTML" doc_in_html "$f" "$t"
	done
}

# section NAME: the M: addresses of a MAINTAINERS section.
section() {
	awk -v s="$1" '$0 == s { on = 1; next } on && /^$/ { exit }
		on && /^M:/ { print }' "$T/MAINTAINERS" | sed -n 's/.*<\(.*\)>.*/\1/p'
}

# names PATCH: get_maintainer names whom the patch's files require.
names() {
	local p=$1 out need= a
	out=$(cd "$T" && perl scripts/get_maintainer.pl --nogit --nogit-fallback "$p" 2>&1)
	files=$(sed -n 's|^+++ b/||p' "$p")
	if grep -qE '^(drivers/gpu/drm/scheduler/|include/drm/gpu_scheduler\.h$)' <<< "$files"; then
		need="$need dri-devel@lists.freedesktop.org $(section 'DRM GPU SCHEDULER')"
	fi
	if grep -qE '^(drivers/dma-buf/|include/linux/dma-[^/]*\.h$|tools/testing/selftests/dma-buf/)' <<< "$files"; then
		need="$need linaro-mm-sig@lists.linaro.org $(section 'DMA BUFFER SHARING FRAMEWORK')"
	fi
	if grep -q 'drm_syncobj' <<< "$files"; then
		need="$need dri-devel@lists.freedesktop.org"
	fi
	[ -n "$need" ] || { echo "(touches none of the files this check is about)"; return 0; }
	for a in $need; do
		grep -qiF "$a" <<< "$out" || { echo "get_maintainer does not name $a:"; echo "$out"; return 1; }
	done
}

get_maintainer() {
	local p
	for p in $(python3 "$top/scripts/series.py" list "$top/patches/series"); do
		check "get_maintainer: $p" names "$top/patches/$p"
	done
}

# The mbox: queue.sh's mbox() on TREE (its tree() step, which would touch
# build/linux, left out), written to build/checkers-mbox.
make_mbox() {
	rm_worktree
	rm -rf "$M"
	mkdir -p "$M"
	(
		. "$top/scripts/queue.sh"
		K=$T B=$M
		tree() { :; }
		mbox
	)
}

# checkpatch reads its input as one patch: on the whole mbox, each message's
# To: and Signed-off-by: become "Duplicate signature" warnings of the first
# message and the next message's "From <sha1>" line a GIT_COMMIT_ID error.
# So the mbox is split (git mailsplit) and every message, the cover letter
# aside (it has no diff), is checked alone, as a reader of the list gets it.
# FILE_PATH_CHANGES is ignored as in check.sh.
mbox_checkpatch() {
	local f out rc=0
	rm -rf "$M/split"
	mkdir -p "$M/split"
	git mailsplit -o"$M/split" "$M/lr-sched-6.1.mbox" > /dev/null || return 1
	for f in "$M"/split/*; do
		grep -q '^diff --git ' "$f" || continue	# the cover letter
		out=$(cd "$T" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict \
			--show-types --no-summary --ignore FILE_PATH_CHANGES "$f" 2>&1)
		printf '%s\n' "$out" > "$f.checkpatch"
		if grep -qE '^(ERROR|WARNING|CHECK):' <<< "$out"; then
			echo "message $(basename "$f") ($(sed -n 's/^Subject: //p' "$f" | head -n 1)):"
			printf '%s\n' "$out"
			rc=1
		fi
	done
	return $rc
}

# git am of the mbox (its cover letter left out) onto a worktree of base.
mbox_am() {
	awk '/^From [0-9a-f]+ Mon Sep 17 00:00:00 2001$/ { n++ } n > 1' "$M/lr-sched-6.1.mbox" > "$M/patches.mbox"
	am_same "$M/patches.mbox"
}

# b4, offline: "b4 am" on the local mbox, then its output applied to base.
# b4 gets a copy with unfolded headers: b4 0.12.0 under Python 3.11 crashes
# on a folded From: or Subject: in get_am_message() ("Header values may not
# contain linefeed"), and format-patch folds both when they are long. The
# copy also gets a Message-Id per message, which b4 needs to find the
# series (format-patch adds them only with --thread). A crash of b4 is a
# SKIP, not a FAIL.
mbox_b4() {
	local out=$M/b4 log=$M/b4.log
	rm -rf "$out"
	mkdir -p "$out"
	awk '
	/^From [0-9a-f]+ Mon Sep 17 00:00:00 2001$/ {
		if (h) print buf
		print
		h = 1
		buf = "Message-Id: <lr-sched-" n++ "@checkers.invalid>"
		next
	}
	h && /^[ \t]/ { sub(/^[ \t]+/, " "); buf = buf $0; next }
	h && /^$/ { print buf; print; h = 0; next }
	h { print buf; buf = $0; next }
	{ print }' "$M/lr-sched-6.1.mbox" > "$M/unfolded.mbox"
	(cd "$T" && b4 --offline-mode -n am -n series -o "$out" -m "$M/unfolded.mbox") > "$log" 2>&1
	if grep -q '^ValueError: Header values may not contain linefeed' "$log"; then
		echo "SKIP mbox: b4 am --offline-mode (b4 $(b4 --version) crashes: $(tail -n 1 "$log"))"
		return
	fi
	if [ ! -f "$out/series.mbx" ]; then
		echo "FAIL mbox: b4 am --offline-mode on the mbox"
		tail -n 15 "$log" | sed 's/^/    /'
		return
	fi
	check "mbox: b4 am --offline-mode on the mbox, applied to base, gives the series tip" \
		am_same "$out/series.mbx"
}

amgit() { git -C "$M/am" -c core.sparseCheckout=true "$@"; }

# am_same MBOX: git am MBOX onto base in the worktree $M/am (reset to base
# first); the result must have as many commits as MBOX has patches and
# TREE's HEAD's tree.
am_same() {
	local w=$M/am n
	n=$(grep -c '^From [^ ]* [A-Z][a-z][a-z] [A-Z][a-z][a-z] ' "$1")
	amgit checkout -q --detach base && amgit reset -q --hard base || return 1
	amgit am -q --keep-cr "$1" || { amgit am --abort; return 1; }
	[ "$(git -C "$w" rev-list --count base..HEAD)" -eq "$n" ] ||
		{ echo "$n patches in $1, $(git -C "$w" rev-list --count base..HEAD) applied"; return 1; }
	[ "$(git -C "$w" rev-parse 'HEAD^{tree}')" = "$(git -C "$T" rev-parse 'HEAD^{tree}')" ] ||
		{ echo "git am of $1 gives another tree than TREE's HEAD"; return 1; }
	echo "$n patches applied, same tree"
}

mbox_checks() {
	local n gd
	if ! check "mbox: queue.sh mbox writes build/checkers-mbox/lr-sched-6.1.mbox" make_mbox; then
		echo "SKIP mbox: checkpatch, git am and b4 (no mbox)"
		return
	fi
	n=$(grep -c '^From [0-9a-f]* Mon Sep 17 00:00:00 2001$' "$M/lr-sched-6.1.mbox")
	check "mbox: checkpatch --strict on each of its $((n - 1)) patches (cover letter aside)" mbox_checkpatch
	# One worktree of base for git am and b4, with only the files the
	# series' commits touch checked out (a full checkout and its removal
	# take 100 s here). The sparse-checkout file is the worktree's own and
	# core.sparseCheckout is set per command: TREE's config is left alone.
	rm_worktree
	if ! git -C "$T" worktree add -q --no-checkout --detach "$M/am" base ||
		! gd=$(git -C "$M/am" rev-parse --absolute-git-dir) ||
		! mkdir -p "$gd/info" ||
		! git -C "$T" log --format= --name-only base..HEAD | sort -u |
			sed '/^$/d; s|^|/|' > "$gd/info/sparse-checkout" ||
		! amgit checkout -q --detach base; then
		echo "FAIL mbox: a sparse worktree of base in $M/am"
		return
	fi
	check "mbox: git am onto base applies every patch and gives the series tip" mbox_am
	if command -v b4 >/dev/null; then
		mbox_b4
	else
		echo "SKIP mbox: b4 am (b4 not installed)"
	fi
	rm_worktree
}

# CHECKERS="htmldocs mbox_checks" runs only those (for development).
for c in ${CHECKERS:-sparse_w1 coccinelle htmldocs get_maintainer mbox_checks}; do
	$c
done | tee "$tmp/out"
! grep -q '^FAIL' "$tmp/out"
