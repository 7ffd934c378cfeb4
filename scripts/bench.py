#!/usr/bin/env python3
"""Print the drm_sched_bench results in a boot log as a table.

Usage: bench.py LOG

Each bench case prints one line "drm_sched_bench: key=value ...". Where a
case ran in a mode other than "base" too, the ratio of its per-job overhead
to the base mode's, measured in the same boot, is printed as well.
"""
import sys

def main(path):
    rows = []
    with open(path, errors='replace') as f:
        for line in f:
            if 'drm_sched_bench: case=' not in line:
                continue
            fields = line.split('drm_sched_bench: ', 1)[1].split()
            rows.append(dict(kv.split('=', 1) for kv in fields))
    if not rows:
        sys.exit('bench: no drm_sched_bench results in ' + path)

    head = ('case', 'mode', 'jobs', 'ideal us', 'actual us', 'actual/ideal',
            'overhead ns/job')
    print('%-10s %-6s %5s %10s %10s %12s %16s' % head)
    for r in rows:
        ratio = int(r['actual_us']) / int(r['ideal_us'])
        print('%-10s %-6s %5s %10s %10s %12.3f %16s' % (
            r['case'], r['mode'], r['jobs'], r['ideal_us'], r['actual_us'],
            ratio, r['overhead_ns_per_job']))

    base = {r['case']: r for r in rows if r['mode'] == 'base'}
    for r in rows:
        b = base.get(r['case'])
        if r['mode'] == 'base' or not b or int(b['overhead_ns_per_job']) <= 0:
            continue
        print('%s: %s/base per-job overhead ratio %.3f' % (
            r['case'], r['mode'],
            int(r['overhead_ns_per_job']) / int(b['overhead_ns_per_job'])))

if __name__ == '__main__':
    main(*sys.argv[1:])
