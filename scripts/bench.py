#!/usr/bin/env python3
"""Print the drm_sched_bench results in a boot log as tables.

Usage: bench.py LOG [LABEL]

Each bench case prints one line "drm_sched_bench: key=value ..." per mode.
The cases come in four kinds, each with a table of its own: timed runs of
1 ms jobs (ideal_us, actual_us, overhead_ns_per_job), the throughput case
(min/median/max_ns_per_job), the latency cases (median_ns, p99_ns,
mean_ns) and can_run_job's flow lines (evals_x1000, occupancy_x1000). Modes other than "base" are compared with the base mode measured
in the same boot. LABEL, if given, heads the output.
"""
import sys


def ratio(value, base):
    return '%.3f' % (value / base) if base > 0 else '-'


def timed(rows, base):
    print('%-10s %-7s %5s %10s %10s %12s %16s %8s' % (
        'case', 'mode', 'jobs', 'ideal us', 'actual us', 'actual/ideal',
        'overhead ns/job', 'vs base'))
    for r in rows:
        b = base.get(r['case'])
        print('%-10s %-7s %5s %10s %10s %12.3f %16s %8s' % (
            r['case'], r['mode'], r['jobs'], r['ideal_us'], r['actual_us'],
            int(r['actual_us']) / int(r['ideal_us']),
            r['overhead_ns_per_job'],
            ratio(int(r['overhead_ns_per_job']),
                  int(b['overhead_ns_per_job'])) if b else '-'))


def throughput(rows, base):
    print('%-10s %-7s %6s %5s %8s %8s %8s %8s' % (
        'case', 'mode', 'jobs', 'runs', 'min', 'median', 'max',
        'vs base'))
    for r in rows:
        b = base.get(r['case'])
        print('%-10s %-7s %6s %5s %8s %8s %8s %8s' % (
            r['case'], r['mode'], r['jobs'], r['runs'], r['min_ns_per_job'],
            r['median_ns_per_job'], r['max_ns_per_job'],
            ratio(int(r['median_ns_per_job']),
                  int(b['median_ns_per_job'])) if b else '-'))
    print('(ns per job; "vs base" is the ratio of the medians)')
    by_mode = {r['mode']: r for r in rows}
    if 'lr' in by_mode and 'lr_preempt' in by_mode:
        lr = int(by_mode['lr']['median_ns_per_job'])
        pre = int(by_mode['lr_preempt']['median_ns_per_job'])
        print('arming a preempt fence: lr_preempt/lr = %s (%+d ns per job)'
              % (ratio(pre, lr), pre - lr))


def latency(rows, base):
    print('%-10s %-7s %7s %10s %10s %10s %8s' % (
        'case', 'mode', 'samples', 'median us', 'p99 us', 'mean us',
        'vs base'))
    for r in rows:
        b = base.get(r['case'])
        mean = int(r['mean_ns']) / 1000 if 'mean_ns' in r else float('nan')
        print('%-10s %-7s %7s %10.2f %10.2f %10.2f %8s' % (
            r['case'], r['mode'], r['samples'], int(r['median_ns']) / 1000,
            int(r['p99_ns']) / 1000, mean,
            ratio(int(r['median_ns']), int(b['median_ns'])) if b else '-'))
    print('(submit, or for wake the event, to run_job(); for preempt,'
          ' enabling signalling to the signal; "vs base" is the ratio of'
          ' the medians)')


def flow(rows, base):
    print('%-10s %-8s %9s %6s %13s %13s' % (
        'case', 'mode', 'ring-bound', 'jobs', 'calls/job', 'ring full %'))
    for r in rows:
        occ = int(r['occupancy_x1000'])
        print('%-10s %-8s %9s %6s %13.3f %13s' % (
            r['case'], r['mode'], r['bound'], r['jobs'],
            int(r['evals_x1000']) / 1000,
            '%.1f' % (occ / 10) if occ >= 0 else '-'))
    print('(can_run_job() calls per job run; how full the ring was while jobs'
          ' waited for it)')


KINDS = (('overhead_ns_per_job', timed), ('median_ns_per_job', throughput),
         ('p99_ns', latency), ('evals_x1000', flow))


def main(path, label=None):
    rows = []
    with open(path, errors='replace') as f:
        for line in f:
            if 'drm_sched_bench: case=' not in line:
                continue
            fields = line.split('drm_sched_bench: ', 1)[1].split()
            rows.append(dict(kv.split('=', 1) for kv in fields))
    if not rows:
        sys.exit('bench: no drm_sched_bench results in ' + path)

    if label:
        print('== %s ==' % label)
    base = {r['case']: r for r in rows if r['mode'] == 'base'}
    first = True
    for key, table in KINDS:
        kind = [r for r in rows if key in r]
        if not kind:
            continue
        if not first:
            print()
        table(kind, base)
        first = False


if __name__ == '__main__':
    main(*sys.argv[1:])
