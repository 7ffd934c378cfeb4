#!/usr/bin/env python3
"""Turn one boot of a test kernel into PASS/FAIL/SKIP lines, one per check.

Usage: results.py kunit LABEL JSON LOG [SUITE ...]   (each SUITE must have run)
       results.py selftests LABEL LOG

Each KUnit case in kunit.py's JSON, or each dma-buf selftest in the boot log,
is a check; so is a boot log free of KASAN, BUG, Oops, lockdep and atomic-sleep
reports. kunit.py's exit status is not used: with some options it is 0 even
when the run timed out.
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

def boot_log(label, log):
    bad = []
    for line in log:
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
        kunit(label, args[0], args[2:])
        boot_log(label, log)
    elif mode == 'selftests':
        log = read_log(label, args[0])
        dmabuf(label, log)
        boot_log(f'{label} selftests', log)
    else:
        sys.exit(f'results.py: unknown mode {mode}')
