#!/bin/bash
# The "spin" check: model-check the scheduler's can_run_job wake-up protocol
# (model/sched_wakeup.pml, see model/README.md). The protocol must satisfy
# both properties; each broken variant must violate its own, with a trail
# that "spin -t" replays. One line per verification: "PASS <name> (...)", or
# "FAIL <name>" and spin's or pan's messages indented by 4 spaces. Exits
# non-zero if any failed.
#
# Usage: model/check.sh
set -u

model=$(cd "$(dirname "$0")" && pwd)/sched_wakeup.pml
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

# fail NAME OUTPUT: the FAIL line, then spin's and pan's own messages.
fail() {
	local msg
	msg=$(grep -E '^(spin|pan)[:1 ]|errors: |error|gcc' <<< "$2" |
		grep -vE 'elapsed time|rate .* states/second' | head -n 8)
	echo "FAIL $1"
	printf '%s\n' "${msg:-$(tail -n 8 <<< "$2")}" | sed 's/^/    /'
	failed=1
}

# verify NAME DEFINES MODE [PAN_ERROR REPLAY_ERROR]: one run of pan, in a
# directory of its own. MODE is "safety" (breadth-first: the shortest trail)
# or "liveness" (acceptance cycles under weak fairness, with the LTL claim).
# Without the last two arguments the property must hold; with them pan must
# report PAN_ERROR and replaying its trail must show REPLAY_ERROR.
verify() {
	local name=$1 defs=$2 mode=$3 pan_err=${4:-} replay_err=${5:-}
	local d out states steps cc=(-DSAFETY -DNOCLAIM -DBFS) run=()
	[ "$mode" = liveness ] && cc=(-DNFAIR=3) run=(-a -f)
	d=$(mktemp -d "$tmp/run.XXXXXX")
	cp "$model" "$d/"
	# shellcheck disable=SC2086
	out=$(cd "$d" && spin $defs -a sched_wakeup.pml 2>&1 &&
		gcc -O2 -w "${cc[@]}" -o pan pan.c 2>&1 && ./pan "${run[@]}" 2>&1)
	states=$(sed -n 's/^ *\([0-9][0-9]*\) states, stored.*/\1/p' <<< "$out")
	if [ -z "$states" ] || grep -q 'max search depth too small' <<< "$out" ||
		{ [ "$mode" = liveness ] &&
			! grep -qE 'acceptance +cycles.*fairness enabled' <<< "$out"; }; then
		fail "$name" "$out"
	elif [ -z "$pan_err" ]; then
		if grep -q 'errors: 0$' <<< "$out"; then
			echo "PASS $name ($states states)"
		else
			fail "$name" "$out"
		fi
	elif ! grep -qF "$pan_err" <<< "$out" || [ ! -s "$d/sched_wakeup.pml.trail" ]; then
		fail "$name (pan did not report: $pan_err)" "$out"
	else
		# shellcheck disable=SC2086
		out=$(cd "$d" && spin $defs -t -p sched_wakeup.pml 2>&1)
		steps=$(sed -n 's/^spin: trail ends after \([0-9]*\) steps$/\1/p' <<< "$out")
		if [ -n "$steps" ] && grep -qF "$replay_err" <<< "$out"; then
			echo "PASS $name ($states states; counterexample: $steps steps)"
		else
			fail "$name: the trail does not replay" "$out"
		fi
	fi
}

for tool in spin gcc; do
	command -v $tool > /dev/null || { echo "FAIL spin: $tool is not installed"; exit 1; }
done

verify "spin: no lost wake-up: every job runs, under weak fairness" "" liveness
verify "spin: no pass without an event: passes <= wake-ups + events + 2" "" safety
verify "spin: -DBUSY, can_run_job outside the wait condition, busy-loops" \
	-DBUSY safety 'assertion violated (passes' 'Error: assertion violated'
verify "spin: -DLOST, wake-up before the release, loses the wake-up" \
	-DLOST liveness 'acceptance cycle (' 'START OF CYCLE'
exit $failed
