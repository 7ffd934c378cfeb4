#!/bin/sh
# Run the scheduler bench suite on UML and print its results as a table.
# Usage: bench.sh [LOG]   (with LOG, only format an existing boot log)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
log=${1:-}
if [ -z "$log" ]; then
	"$top/scripts/kunit.sh" um kunit 'drm_sched_bench*' >&2 || true
	log=$top/build/kunit-um/kunit.log
fi
python3 "$top/scripts/bench.py" "$log"
