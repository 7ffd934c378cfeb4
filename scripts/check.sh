#!/bin/bash
# The project's test command ("make check"; CI runs it through .ci/run).
# Runs every check and ends with the line "N passed, N failed". Each line
# before it is PASS, FAIL or SKIP and one check; SKIPs count in neither.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
B=$top/build
cd "$top"

pass=0 fail=0 skip=0
start=$(date +%s)

# Count and echo PASS/FAIL/SKIP lines; pass anything else through.
record() {
	local status rest
	while IFS= read -r line; do
		status=${line%% *}
		case $status in
		PASS) pass=$((pass + 1)) ;;
		FAIL) fail=$((fail + 1)) ;;
		SKIP) skip=$((skip + 1)) ;;
		esac
		printf '%s\n' "$line"
	done
}

# check NAME CMD...: one check from a command's exit status.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "PASS $name"
	else
		echo "FAIL $name"
		printf '%s\n' "$out" | tail -n 15 | sed 's/^/    /'
	fi
}

finish() {
	echo "make check took $(( ($(date +%s) - start) / 60 )) min $(( ($(date +%s) - start) % 60 )) s; $skip skipped"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

series_files() {
	sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' patches/series
}

# The series applied with "git apply" to a fresh index of the pristine base
# gives exactly the tree that is built and tested.
applies_to_base() {
	local idx p
	idx=$(mktemp)
	trap 'rm -f "$idx"' RETURN
	GIT_INDEX_FILE=$idx git -C "$K" read-tree base || return 1
	for p in $(series_files); do
		GIT_INDEX_FILE=$idx git -C "$K" apply --cached "$top/patches/$p" ||
			{ echo "patches/$p does not apply"; return 1; }
	done
	[ "$(GIT_INDEX_FILE=$idx git -C "$K" write-tree)" = \
	  "$(git -C "$K" rev-parse 'HEAD^{tree}')" ] ||
		{ echo "the applied series differs from build/linux"; return 1; }
}

# Exporting the unchanged tree reproduces patches/ byte for byte, twice.
export_idempotent() {
	local tmp
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' RETURN
	scripts/export.sh "$tmp/a" && scripts/export.sh "$tmp/b" &&
		diff -r "$tmp/a" "$tmp/b" && diff -r patches "$tmp/a"
}

# FILE_PATH_CHANGES only asks whether a patch that adds a file should touch
# MAINTAINERS. Every file the series adds lies under an existing entry, which
# the "maintainers" check below verifies, so adding F: lines would only
# duplicate those entries' globs.
checkpatch() {
	local out
	# Debian's python3 (not a pyenv one) has ply for spdxcheck.py.
	out=$(cd "$K" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict --no-summary \
		--show-types --ignore FILE_PATH_CHANGES "$top/patches/$1" 2>&1)
	printf '%s\n' "$out"
	! printf '%s\n' "$out" | grep -qE '^(ERROR|WARNING|CHECK):'
}

# Every file the series adds has a subsystem entry of its own in MAINTAINERS,
# not only the catch-all ones.
maintained() {
	local f subsystems missing=0
	for f in $(git -C "$K" diff --name-only --diff-filter=A base HEAD); do
		subsystems=$(cd "$K" && perl scripts/get_maintainer.pl --nogit \
			--nogit-fallback --subsystem --noemail --nol -f "$f" 2>&1 |
			grep -vxE 'THE REST|DRM DRIVERS')
		if [ -z "$subsystems" ]; then
			echo "$f: no MAINTAINERS entry"
			missing=1
		fi
	done
	return $missing
}

kerneldoc() {
	local out
	out=$(cd "$K" && perl scripts/kernel-doc -none "$1" 2>&1)
	printf '%s\n' "$out"
	[ -z "$out" ]
}

# KUnit suites defined in the files the series touches, at HEAD.
series_suites() {
	local files
	files=$(git -C "$K" diff --name-only --diff-filter=AM base HEAD -- '*.c')
	[ -n "$files" ] || return 0
	(cd "$K" && cat $files) | tr -d '\t' |
		awk '/struct kunit_suite .* = \{/ { s = 1 }
		     s && /^\.name = "/ { gsub(/.*\.name = "|".*/, ""); print; s = 0 }
		     /^\}/ { s = 0 }'
}

# --- tree -------------------------------------------------------------------
echo "== tree"
record < <(check "tree: series applies (make tree)" scripts/tree.sh)
[ $fail -eq 0 ] || finish
base_version=$(cat "$B/base-version")
[ "$base_version" = 6.1.192-2 ] ||
	echo "WARNING: base is linux-source-6.1 $base_version, not the pinned 6.1.192-2"
head=$(git -C "$K" rev-parse HEAD)
trap 'git -C "$K" checkout -q series 2>/dev/null' EXIT

echo "== patch queue"
record < <(check "queue: series applies to the pristine base" applies_to_base)
record < <(check "queue: make export is idempotent" export_idempotent)
record < <(check "queue: make status is clean" scripts/status.sh)

echo "== checkpatch --strict"
for p in $(series_files); do
	record < <(check "checkpatch: $p" checkpatch "$p")
done

echo "== MAINTAINERS"
record < <(check "maintainers: every file the series adds has an entry" maintained)

echo "== kernel-doc"
for f in $(git -C "$K" diff --name-only --diff-filter=AM base HEAD -- '*.c' '*.h'); do
	record < <(check "kernel-doc: $f" kerneldoc "$f")
done

echo "== in-tree drm_sched users (x86_64, COMPILE_TEST)"
record < <(check "compile: lima, panfrost, v3d, etnaviv, amdgpu and msm build" \
	scripts/compile-users.sh)

# results MODE LABEL ARGS...: the PASS/FAIL lines of one boot. A parser that
# fails or finds nothing is itself a failure, never a silent pass.
results() {
	local out
	if ! out=$(python3 scripts/results.py "$@" 2>&1) ||
	   ! printf '%s\n' "$out" | grep -q '^PASS'; then
		printf '%s\n' "$out" | grep -E '^(PASS|FAIL|SKIP) ' || true
		echo "FAIL $2 $1: no usable results"
		printf '%s\n' "$out" | grep -vE '^(PASS|FAIL|SKIP) ' | sed 's/^/    /'
		return
	fi
	printf '%s\n' "$out"
}

# boot ARCH: the KUnit boot and the dma-buf selftest boot of one kernel.
boot() {
	local arch=$1 o=$B/kunit-$1
	scripts/kunit.sh "$arch" kunit > "$o.out" 2>&1
	results kunit "$arch" "$o.json" "$o/kunit.log" $(series_suites)
	scripts/kunit.sh "$arch" selftests > "$o-selftests.out" 2>&1
	results selftests "$arch" "$o/selftests.log"
}

# --- UML: every patch builds and passes its own tests ----------------------
echo "== UML (lockdep, 1 CPU), at every patch"
commits=$(git -C "$K" rev-list --reverse base..HEAD)
n=$(echo "$commits" | wc -w)
i=0
for c in $commits; do
	i=$((i + 1))
	subject=$(git -C "$K" log -1 --format=%s "$c")
	git -C "$K" checkout -q --detach "$c"
	res=$(boot um)
	if [ "$c" = "$head" ]; then
		grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete|Elapsed' \
			"$B/kunit-um.out" | sed 's/^/    /'
		record < <(printf '%s\n' "$res")
	elif printf '%s\n' "$res" | grep -q '^FAIL'; then
		record <<< "FAIL bisect $i/$n: $subject"
		printf '%s\n' "$res" | grep '^FAIL' | sed 's/^/    /'
	else
		record <<< "PASS bisect $i/$n: $subject ($(printf '%s\n' "$res" | grep -c '^PASS') checks pass)"
	fi
done
git -C "$K" checkout -q series
[ -n "$commits" ] || echo "(the series is empty)"

# Cases that must make lockdep report: one boot each, at the last patch.
# The suites are the ones the last UML boot listed (and skipped).
echo "== UML negative lockdep cases, one boot each"
negative=$(sed -n 's/^    # Subtest: \(.*_lockdep_.*\)$/\1/p' \
	"$B/kunit-um/kunit.log" 2>/dev/null)
# Each test module gates its negative suites on a parameter of its own.
negative_args="dma_fence_lr_test.lockdep_negative=1 drm_sched_tests.lockdep_negative=1"
[ -n "$negative" ] || echo "(none in this series)"
for suite in $negative; do
	KUNIT_KERNEL_ARGS=$negative_args \
		scripts/kunit.sh um kunit "$suite" > "$B/kunit-um.out" 2>&1
	record < <(results kunit "um-negative" "$B/kunit-um.json" \
		"$B/kunit-um/kunit.log" "$suite")
done

# --- UML: the series' suites with DRM's own, without high-res timers -------
# Its own build directory; the in-tree DRM suites must still pass with the
# series applied, and the series' suites must not depend on options that
# only their own .kunitconfig files set.
echo "== UML with the in-tree DRM KUnit suites, no high-resolution timers"
scripts/kunit.sh um drm > "$B/kunit-um-drm.out" 2>&1
record < <(results kunit "um-drm" "$B/kunit-um-drm.json" \
	"$B/kunit-um-drm/drm.log" $(series_suites) drm_mm drm_buddy)

# --- x86_64: 2 CPUs, KASAN, DEBUG_ATOMIC_SLEEP, under QEMU TCG --------------
echo "== x86_64 (2 CPUs, KASAN, lockdep, atomic sleep; QEMU TCG)"
res=$(boot x86_64)
grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete|Elapsed' \
	"$B/kunit-x86_64.out" | sed 's/^/    /'
record < <(printf '%s\n' "$res")

finish
