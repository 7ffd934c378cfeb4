#!/bin/sh
# Run the scheduler bench suite on UML and print its results as a table.
# Usage: bench.sh [LOG]   (with LOG, only format an existing boot log)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
log=${1:-}
if [ -z "$log" ]; then
	"$top/scripts/kunit.sh" um kunit 'drm_sched_bench*' >&2 || true
	log=$top/build/kunit-um/test.log
fi

grep -o 'drm_sched_bench: .*' "$log" | python3 -c '
import sys
rows = [dict(kv.split("=", 1) for kv in line.split()[1:]) for line in sys.stdin]
if not rows:
    sys.exit("bench: no results in the log")
print(f"{\"case\":<10} {\"mode\":<6} {\"jobs\":>5} {\"ideal us\":>9} {\"actual us\":>10}"
      f" {\"actual/ideal\":>12} {\"overhead ns/job\":>16}")
for r in rows:
    ratio = int(r["actual_us"]) / int(r["ideal_us"])
    print(f"{r[\"case\"]:<10} {r[\"mode\"]:<6} {r[\"jobs\"]:>5} {r[\"ideal_us\"]:>9}"
          f" {r[\"actual_us\"]:>10} {ratio:>12.3f} {r[\"overhead_ns_per_job\"]:>16}")
base = {r["case"]: r for r in rows if r["mode"] == "base"}
for r in rows:
    b = base.get(r["case"])
    if r["mode"] != "base" and b and int(b["overhead_ns_per_job"]) > 0:
        print(f"{r[\"case\"]}: {r[\"mode\"]}/base overhead ratio "
              f"{int(r[\"overhead_ns_per_job\"]) / int(b[\"overhead_ns_per_job\"]):.3f}")
'
