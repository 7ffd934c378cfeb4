#!/usr/bin/env python3
"""Turn one boot of a test kernel into PASS/FAIL/SKIP lines, one per check.

Usage: results.py kunit LABEL JSON LOG [SUITE ...]
       results.py selftests LABEL LOG

kunit:     every KUnit case in kunit.py's JSON is one check; a parameterised
           case counts once per parameter. Anything other than PASS or SKIP
           fails, and each SUITE named must have run.
selftests: the in-tree dma-buf selftests ran at boot, before KUnit: each
           subtest is one check, and all five selftest groups must have
           started.
Both:      the boot log must hold no KASAN, BUG, Oops, lockdep or
           atomic-sleep report.

kunit.py's exit status is not used: with some options it is 0 even when
the run timed out.
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
    r'WARNING: possible irq lock inversion')

def say(status, name, why=''):
    print(f'{status} {name}' + (f': {why}' if why else ''))

def leaves(group, path):
    for case in group.get('test_cases', []):
        yield '.'.join(path + [case['name']]), case['status']
    for sub in group.get('sub_groups', []):
        yield from leaves(sub, path + [sub['name']])

def kunit(label, json_path, suites):
    try:
        with open(json_path) as f:
            root = json.load(f)
    except (OSError, ValueError) as e:
        say('FAIL', f'{label}: kunit results', f'no parsable JSON ({e})')
        return
    ran = {g['name'] for g in root.get('sub_groups', [])}
    for suite in suites:
        if suite not in ran:
            say('FAIL', f'{label}: {suite}', 'suite did not run')
    for name, status in leaves(root, []):
        if status == 'PASS':
            say('PASS', f'{label}: {name}')
        elif status == 'SKIP':
            say('SKIP', f'{label}: {name}')
        else:
            say('FAIL', f'{label}: {name}', status)

def dmabuf(label, log):
    started = []
    failed = {}
    groups = set()
    ktap_at = None
    for i, line in enumerate(log):
        m = re.search(r'dma-buf: Running (\S+)$', line)
        if m:
            if '/' in m.group(1):
                started.append((i, m.group(1)))
            else:
                groups.add(m.group(1))
            continue
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
        if runs[name] > 1:
            name_shown = f'{name} #{runs[name]}'
        else:
            name_shown = name
        if name in failed:
            say('FAIL', f'{label}: dmabuf_selftests {name_shown}',
                f'error {failed[name]}')
        elif ktap_at is None or ktap_at < i:
            say('FAIL', f'{label}: dmabuf_selftests {name_shown}',
                'did not finish before KUnit started')
        else:
            say('PASS', f'{label}: dmabuf_selftests {name_shown}')

# Known problems of the base tree, reported as SKIP with the reason. On UML
# the dma_fence_chain selftests sometimes destroy their fence slab while a
# chain irq_work (run on a later tick there) still holds fences.
KNOWN = [
    (re.compile(r'^BUG mock_fence .*Objects remaining in mock_fence'),
     'base tree: dma_fence_chain selftests leak fences on UML (irq_work)'),
]

def boot_log(label, log):
    bad = []
    for l in log:
        known = [why for pat, why in KNOWN if pat.search(l)]
        if known:
            say('SKIP', f'{label}: known issue', known[0])
        elif BAD_LOG.search(l) or re.search(r'^BUG \S+ \(', l):
            bad.append(l.strip())
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

def main(mode, label, *args):
    if mode == 'kunit':
        json_path, log_path, suites = args[0], args[1], args[2:]
        log = read_log(label, log_path)
        kunit(label, json_path, suites)
        boot_log(label, log)
    elif mode == 'selftests':
        log = read_log(label, args[0])
        dmabuf(label, log)
        boot_log(f'{label} selftests', log)
    else:
        sys.exit(f'results.py: unknown mode {mode}')

if __name__ == '__main__':
    main(*sys.argv[1:])
