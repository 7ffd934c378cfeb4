#!/usr/bin/env python3
"""Turn one boot of a test kernel into PASS/FAIL/SKIP lines, one per check.

Usage: results.py kunit LABEL JSON LOG [OPTION ...] [SUITE ...]
       results.py selftests LABEL LOG

Each SUITE must have run. Each KUnit case in kunit.py's JSON, or each dma-buf
selftest in the boot log, is a check; so is a boot log free of KASAN, BUG,
Oops, lockdep and atomic-sleep reports. kunit.py's exit status is not used:
with some options it is 0 even when the run timed out.

Options of kunit mode:
  --touched=FILE  names of the functions defined in the files the series
                  touches, one per line; a KCSAN or kmemleak report with one
                  of them in its stack traces is the series' (FAIL), any
                  other is the base tree's, listed as SKIP with its report
  --kcsan         KCSAN reports are classified so, not boot-log failures
  --kmemleak      the log must hold the kmemleak report that the initramfs
                  of scripts/initramfs.py prints, classified so
"""
import json
import re
import sys

DMABUF_GROUPS = ['sanitycheck', 'dma_fence', 'dma_fence_chain',
                 'dma_fence_unwrap', 'dma_resv']

BAD_LOG = re.compile(
    r'BUG: KASAN|BUG: |Oops|Kernel panic|'
    r'sleeping function called from invalid context|'
    r'possible circular locking|possible recursive locking|'
    r'inconsistent lock state|lock held when returning|'
    r'suspicious RCU usage|INFO: task .* blocked|'
    r'WARNING: possible irq lock inversion|^BUG \S+ \(')

# Known problems of the base tree, reported as SKIP with the reason. On UML
# the dma_fence_chain selftests sometimes destroy their fence slab while a
# chain irq_work (run on a later tick there) still holds fences.
KNOWN = [
    (re.compile(r'^BUG mock_fence .*Objects remaining in mock_fence'),
     'base tree: dma_fence_chain selftests leak fences on UML (irq_work)'),
]

def say(status, name, why=''):
    print(f'{status} {name}' + (f': {why}' if why else ''))

def leaves(group, path=()):
    for case in group.get('test_cases', []):
        yield '.'.join(path + (case['name'],)), case['status']
    for sub in group.get('sub_groups', []):
        yield from leaves(sub, path + (sub['name'],))

def kunit(label, json_path, suites):
    try:
        with open(json_path) as f:
            root = json.load(f)
    except (OSError, ValueError) as e:
        return say('FAIL', f'{label}: kunit results', f'no parsable JSON ({e})')
    ran = {g['name'] for g in root.get('sub_groups', [])}
    for suite in suites:
        if suite not in ran:
            say('FAIL', f'{label}: {suite}', 'suite did not run')
    for name, status in leaves(root):
        if status in ('PASS', 'SKIP'):
            say(status, f'{label}: {name}')
        else:
            say('FAIL', f'{label}: {name}', status)

def dmabuf(label, log):
    started, failed, groups, ktap_at = [], {}, set(), None
    for i, line in enumerate(log):
        m = re.search(r'dma-buf: Running (\S+)$', line)
        if m and '/' in m.group(1):
            started.append((i, m.group(1)))
        elif m:
            groups.add(m.group(1))
        m = re.search(r'dma-buf/(\S+): (\S+) failed with error (-?\d+)', line)
        if m:
            failed[f'{m.group(1)}/{m.group(2)}'] = m.group(3)
        if ktap_at is None and re.search(r'(KTAP|TAP) version', line):
            ktap_at = i
    if not started:
        say('FAIL', f'{label}: dmabuf_selftests', 'no subtest ran')
    for group in DMABUF_GROUPS:
        if group not in groups:
            say('FAIL', f'{label}: dmabuf_selftests {group}', 'did not run')
    runs = {}
    for i, name in started:
        # dma_resv runs its subtests once per usage: number the repeats.
        runs[name] = runs.get(name, 0) + 1
        check = f'{label}: dmabuf_selftests {name}'
        if runs[name] > 1:
            check += f' #{runs[name]}'
        if name in failed:
            say('FAIL', check, f'error {failed[name]}')
        elif ktap_at is None or ktap_at < i:
            say('FAIL', check, 'did not finish before KUnit started')
        else:
            say('PASS', check)

FRAME = re.compile(r'(?:^|[\s>\]])([A-Za-z_][A-Za-z0-9_.]*)\+0x[0-9a-f]+/0x')

ALLOC = re.compile(r'^(kmalloc|kmem_cache|__kmem_cache|__kmalloc|kzalloc|'
                   r'kcalloc|slab_|__slab|kmemleak)')

def blame(label, what, reports, touched):
    """A FAIL for each report with a touched function in its stack traces;
    the others are the base tree's: one SKIP, with one example report, for
    each group of reports from the same first three functions."""
    base = {}
    for header, lines in reports:
        funcs = [m.group(1).split('.')[0] for m in map(FRAME.search, lines) if m]
        ours = sorted(set(funcs) & touched)
        if ours:
            say('FAIL', f'{label}: {what}', f'{header} (in {", ".join(ours[:4])})')
            for line in lines[:40]:
                print(f'    {line}')
        else:
            key = tuple(f for f in funcs if not ALLOC.match(f))[:3]
            base.setdefault(key, []).append((header, lines))
    for key, group in base.items():
        header, lines = group[0]
        say('SKIP', f'{label}: {what} in the base tree',
            f'{len(group)} like "{header}" from {" < ".join(key) or "?"}')
        for line in lines[:40]:
            print(f'    {line}')

def kcsan_reports(log):
    """The KCSAN reports of a log, each (header, lines), and their lines."""
    reports, inside, cur = [], set(), None
    for i, line in enumerate(log):
        if 'BUG: KCSAN: ' in line:
            cur = (line.split('BUG: KCSAN: ', 1)[1].strip(), [])
            reports.append(cur)
        if cur is not None:
            inside.add(i)
            cur[1].append(line.strip())
            if 'Reported by Kernel Concurrency Sanitizer' in line:
                cur = None
    return reports, inside

def kmemleak(label, log, touched):
    try:
        begin = next(i for i, l in enumerate(log) if 'kmemleak-scan: begin' in l)
        end = next(i for i, l in enumerate(log) if 'kmemleak-scan: end' in l)
    except StopIteration:
        return say('FAIL', f'{label}: kmemleak scan', 'no report in the log')
    reports = []
    for line in log[begin + 1:end]:
        if 'unreferenced object' in line:
            reports.append((line.strip(), []))
        elif reports:
            reports[-1][1].append(line.strip())
    say('PASS', f'{label}: kmemleak scan ({len(reports)} objects reported)')
    blame(label, 'kmemleak leak', reports, touched)

def boot_log(label, log, skip=()):
    bad = []
    for i, line in enumerate(log):
        if i in skip:
            continue
        known = [why for pat, why in KNOWN if pat.search(line)]
        if known:
            say('SKIP', f'{label}: known issue', known[0])
        elif BAD_LOG.search(line):
            bad.append(line.strip())
    if bad:
        say('FAIL', f'{label}: boot log clean', '; '.join(bad[:3]))
    else:
        say('PASS', f'{label}: boot log clean')

def read_log(label, path):
    try:
        with open(path, errors='replace') as f:
            return f.read().splitlines()
    except OSError as e:
        say('FAIL', f'{label}: boot log', str(e))
        return []

if __name__ == '__main__':
    mode, label, *args = sys.argv[1:]
    if mode == 'kunit':
        log = read_log(label, args[1])
        opts = [a for a in args[2:] if a.startswith('--')]
        suites = [a for a in args[2:] if not a.startswith('--')]
        touched = set()
        for o in opts:
            if o.startswith('--touched='):
                with open(o.split('=', 1)[1]) as f:
                    touched = set(f.read().split())
        kunit(label, args[0], suites)
        skip = set()
        if '--kcsan' in opts:
            reports, skip = kcsan_reports(log)
            if any('kcsan: enabled' in l for l in log):
                say('PASS', f'{label}: KCSAN ran ({len(reports)} reports)')
            else:
                say('FAIL', f'{label}: KCSAN ran', 'not enabled in this kernel')
            blame(label, 'KCSAN data race', reports, touched)
        if '--kmemleak' in opts:
            kmemleak(label, log, touched)
        boot_log(label, log, skip)
    elif mode == 'selftests':
        log = read_log(label, args[0])
        dmabuf(label, log)
        boot_log(f'{label} selftests', log)
    else:
        sys.exit(f'results.py: unknown mode {mode}')
