#!/bin/bash
# The project's test command ("make check"; CI runs it through .ci/run).
# Runs every check of README.md's table and ends with "N passed, N failed".
# Each line before it is PASS, FAIL or SKIP and one check; SKIPs count in
# neither. Exits non-zero on any failure.
set -u
. "$(dirname "$0")/queue.sh"	# $top, $K, $B; series, export_to, status...
cd "$top"

start=$(date +%s)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
X=$tmp/patches	# build/linux exported, once per run

# Echo the output of the checks, count its PASS, FAIL and SKIP lines and end
# with the summary; fail if any check failed.
count() {
	local line pass=0 fail=0 skip=0 t
	while IFS= read -r line; do
		printf '%s\n' "$line"
		case ${line%% *} in
		PASS) pass=$((pass + 1)) ;;
		FAIL) fail=$((fail + 1)) ;;
		SKIP) skip=$((skip + 1)) ;;
		esac
	done
	t=$(($(date +%s) - start))
	echo "make check took $((t / 60)) min $((t % 60)) s; $skip skipped"
	echo "$pass passed, $fail failed"
	[ "$fail" -eq 0 ]
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
		return 1
	fi
}

# The series applied with "git apply" to a fresh index of the pristine base
# gives exactly the tree that is built and tested.
applies_to_base() {
	local p
	local -x GIT_INDEX_FILE=$tmp/index
	git -C "$K" read-tree base || return 1
	for p in $(series); do
		git -C "$K" apply --cached "$top/patches/$p" ||
			{ echo "patches/$p does not apply"; return 1; }
	done
	[ "$(git -C "$K" write-tree)" = "$(git -C "$K" rev-parse 'HEAD^{tree}')" ] ||
		{ echo "the applied series differs from build/linux"; return 1; }
}

# FILE_PATH_CHANGES only asks whether a patch that adds a file should touch
# MAINTAINERS; the "maintainers" check below covers every file the series adds.
checkpatch() {
	local out
	# Debian's python3 (not a pyenv one) has ply for spdxcheck.py.
	out=$(cd "$K" && PATH=/usr/bin:$PATH perl scripts/checkpatch.pl --strict --no-summary \
		--show-types --ignore FILE_PATH_CHANGES "$top/patches/$1" 2>&1)
	printf '%s\n' "$out"
	! printf '%s\n' "$out" | grep -qE '^(ERROR|WARNING|CHECK):'
}

# Every file the series adds has a MAINTAINERS entry besides the catch-alls.
maintained() {
	local f missing=0
	for f in $(git -C "$K" diff --name-only --diff-filter=A base HEAD); do
		(cd "$K" && perl scripts/get_maintainer.pl --nogit --nogit-fallback \
			--subsystem --noemail --nol -f "$f" 2>&1) |
			grep -qvxE 'THE REST|DRM DRIVERS' ||
			{ echo "$f: no MAINTAINERS entry"; missing=1; }
	done
	return $missing
}

kerneldoc() {
	local out
	out=$(cd "$K" && perl scripts/kernel-doc -none "$1" 2>&1)
	printf '%s\n' "$out"
	[ -z "$out" ]
}

# KUnit suites defined in the files the series touches, at HEAD. With
# "main", those under drivers/gpu/drm/tests are left out: they are built
# only with that directory's .kunitconfig, which only the um-drm boot adds.
series_suites() {
	local skip=
	[ "${1:-}" = main ] && skip=':(exclude)drivers/gpu/drm/tests/'
	(cd "$K" && git diff --name-only --diff-filter=AM base HEAD -- '*.c' $skip |
		xargs -r cat) | tr -d '\t' |
		awk '/struct kunit_suite .* = \{/ { s = 1 }
		     s && /^\.name = "/ { gsub(/.*\.name = "|".*/, ""); print; s = 0 }
		     /^\}/ { s = 0 }'
}

# results MODE LABEL ARGS...: the PASS/FAIL lines of one boot. A parser that
# fails or finds nothing is itself a failure, never a silent pass.
results() {
	local out
	if out=$(python3 scripts/results.py "$@" 2>&1) && grep -q '^PASS' <<< "$out"; then
		printf '%s\n' "$out"
		return
	fi
	grep -E '^(PASS|FAIL|SKIP) ' <<< "$out"
	echo "FAIL $2 $1: no usable results"
	grep -vE '^(PASS|FAIL|SKIP) ' <<< "$out" | sed 's/^/    /'
}

# The functions defined in the files the series touches, at HEAD, for
# results.py --touched: a KCSAN or kmemleak report that names one is the
# series'.
touched_funcs() {
	(cd "$K" && git diff --name-only base HEAD -- '*.c' '*.h' | xargs -r cat) |
		grep -oE '^([A-Za-z_][A-Za-z0-9_ *]*[ *])?[A-Za-z_][A-Za-z0-9_]*\(' |
		sed -E 's/^(.*[ *])?([A-Za-z0-9_]+)\($/\2/' | sort -u
}

# boot ARCH: the KUnit boot and the dma-buf selftest boot of one kernel.
# On x86_64 the KUnit boot ends with a kmemleak scan.
boot() {
	local o=$B/kunit-$1 opts=
	[ "$1" = x86_64 ] && opts="--kmemleak --touched=$tmp/touched"
	scripts/kunit.sh "$1" kunit > "$o.out" 2>&1
	grep -E '\[(PASSED|FAILED|SKIPPED|CRASHED)\]|Testing complete|Elapsed' \
		"$o.out" | sed 's/^/    /'
	results kunit "$1" "$o.json" "$o/kunit.log" $opts $(series_suites main)
	scripts/kunit.sh "$1" selftests > "$o-selftests.out" 2>&1
	results selftests "$1" "$o/selftests.log"
}

# Every check, in the order of README.md's table.
checks() {
	echo "== tree"
	check "tree: series applies (make tree)" scripts/queue.sh tree "$X" || return
	[ "$(base_version)" = 6.1.192-2 ] ||
		echo "WARNING: base is linux-source-6.1 $(base_version), not the pinned 6.1.192-2"
	head=$(git -C "$K" rev-parse HEAD)
	trap 'git -C "$K" checkout -q series 2>/dev/null' EXIT	# even if interrupted

	echo "== patch queue"
	[ -d "$X" ] || export_to "$X"	# unless make tree did
	check "queue: series applies to the pristine base" applies_to_base
	check "queue: make export is idempotent" diff -r patches "$X"
	check "queue: make status is clean" status "$X"

	echo "== checkpatch --strict"
	for p in $(series); do
		check "checkpatch: $p" checkpatch "$p"
	done

	echo "== MAINTAINERS"
	check "maintainers: every file the series adds has an entry" maintained

	echo "== kernel-doc"
	for f in $(git -C "$K" diff --name-only --diff-filter=AM base HEAD -- '*.c' '*.h'); do
		check "kernel-doc: $f" kerneldoc "$f"
	done

	echo "== static checkers on the touched files, get_maintainer, the mbox"
	scripts/checkers.sh "$K"

	echo "== spin model of the can_run_job wake-up protocol"
	# As in results(): no result, or a failure with no FAIL line, is a FAIL.
	res=$(model/check.sh 2>&1)
	rc=$?
	printf '%s\n' "$res"
	grep -q '^FAIL' <<< "$res" || { [ $rc -eq 0 ] && grep -q '^PASS' <<< "$res"; } ||
		echo "FAIL spin: model/check.sh gave no result (exit status $rc)"

	echo "== in-tree drm_sched users (x86_64, COMPILE_TEST)"
	check "compile: lima, panfrost, v3d, etnaviv, amdgpu and msm build" \
		scripts/compile-users.sh

	# Every patch must build. Booting takes most of the time, so only the last
	# patch of each group in patches/series boots and runs its tests (the tip
	# too, with one line per case).
	echo "== UML (lockdep, 1 CPU): every patch builds, each group's last one boots"
	commits=$(git -C "$K" rev-list --reverse base..HEAD)
	n=$(echo "$commits" | wc -w)
	ends=" $(python3 scripts/series.py ends patches/series | tr '\n' ' ') "
	i=0
	for c in $commits; do
		i=$((i + 1))
		name="bisect $i/$n: $(git -C "$K" log -1 --format=%s "$c")"
		git -C "$K" checkout -q --detach "$c"
		if [ "$c" = "$head" ]; then
			boot um
		elif [[ $ends == *" $i "* ]]; then
			res=$(boot um)
			if grep -q '^FAIL' <<< "$res"; then
				echo "FAIL $name"
				grep '^FAIL' <<< "$res" | sed 's/^/    /'
			else
				echo "PASS $name ($(grep -c '^PASS' <<< "$res") checks pass)"
			fi
		else
			check "$name (builds)" scripts/kunit.sh um build
		fi
	done
	git -C "$K" checkout -q series
	[ -n "$commits" ] || echo "(the series is empty)"

	# Cases that must make lockdep report, one boot each at the tip: the suites
	# the tip's boot listed (and skipped). Each test module gates them on a
	# parameter of its own.
	echo "== UML negative lockdep cases, one boot each"
	negative=$(sed -n 's/^    # Subtest: \(.*_lockdep_.*\)$/\1/p' "$B/kunit-um/kunit.log" 2>/dev/null)
	[ -n "$negative" ] || echo "(none in this series)"
	for suite in $negative; do
		KUNIT_KERNEL_ARGS="dma_fence_lr_test.lockdep_negative=1 drm_sched_tests.lockdep_negative=1" \
			scripts/kunit.sh um kunit "$suite" > "$B/kunit-um.out" 2>&1
		results kunit um-negative "$B/kunit-um.json" "$B/kunit-um/kunit.log" "$suite"
	done

	# The userspace side of the paths the series changed: the dma-buf
	# kselftest the series adds and the in-tree sync kselftest, on the tip's
	# UML kernel booted with the host's / over hostfs.
	echo "== UML kselftests: dma-buf (the series') and sync (in-tree)"
	scripts/selftests.sh "$K" "$B/kunit-um/linux" "$B/selftests-um"

	# The in-tree DRM suites still pass with the series applied, and the series'
	# suites need no option that only their own .kunitconfig files set.
	echo "== UML with the in-tree DRM KUnit suites, no high-resolution timers"
	scripts/kunit.sh um drm > "$B/kunit-um-drm.out" 2>&1
	results kunit um-drm "$B/kunit-um-drm.json" "$B/kunit-um-drm/drm.log" \
		$(series_suites) drm_mm drm_buddy

	echo "== x86_64 (2 CPUs, KASAN, lockdep, atomic sleep, failslab, kmemleak; QEMU TCG)"
	touched_funcs > "$tmp/touched"
	boot x86_64

	if [ -n "${CHECK_KCSAN:-}" ]; then
		echo "== x86_64 with KCSAN (strict, 2 CPUs, lockdep; QEMU TCG)"
		scripts/kunit.sh x86_64 kcsan > "$B/kunit-x86_64-kcsan.out" 2>&1
		grep -E 'Testing complete|Elapsed' "$B/kunit-x86_64-kcsan.out" | sed 's/^/    /'
		results kunit x86_64-kcsan "$B/kunit-x86_64-kcsan.json" \
			"$B/kunit-x86_64-kcsan/kcsan.log" --kcsan --touched="$tmp/touched" \
			$(series_suites main)
	fi
}

checks 2>&1 | count
