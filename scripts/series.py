#!/usr/bin/env python3
"""Print a new series file for the patches in a directory.

Usage: series.py OLD_SERIES PATCH_DIR

Patches are matched to the old entries by name without the NNNN- prefix.
Comment lines and blank lines stay attached to the entry they preceded;
a new patch goes right after the patch exported before it; comments left
over by dropped patches move to the end.
"""
import os
import re
import sys

def slug(name):
    return re.sub(r'^\d{4}-', '', name)

def main(old_series, patch_dir):
    header, blocks, pending = [], {}, []
    seen_entry = False
    with open(old_series) as f:
        for line in f.read().splitlines():
            entry = line.split('#', 1)[0].strip()
            if not entry:
                pending.append(line)
                continue
            if not seen_entry:
                # Up to the last blank line before the first entry is
                # the file header; the rest belongs to the first entry.
                cut = max((i + 1 for i, l in enumerate(pending) if not l.strip()),
                          default=0)
                header, pending = pending[:cut], pending[cut:]
                seen_entry = True
            blocks[slug(entry)] = pending
            pending = []
    if not seen_entry:
        header, pending = pending, []

    out = list(header)
    for name in sorted(n for n in os.listdir(patch_dir) if n.endswith('.patch')):
        out.extend(blocks.pop(slug(name), []))
        out.append(name)
    for rest in blocks.values():
        out.extend(rest)
    out.extend(pending)
    while out and not out[-1].strip():
        out.pop()
    print('\n'.join(out))

if __name__ == '__main__':
    main(*sys.argv[1:])
