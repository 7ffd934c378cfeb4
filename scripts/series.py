#!/usr/bin/env python3
"""The one reader of patches/series: a patch file name a line, in order; '#'
starts a comment; a blank line ends a group of patches.

Usage: series.py list SERIES         the patch files, in order
       series.py ends SERIES         the position (1, 2, ...) of the last patch
                                     of each group (the tip is one)
       series.py rewrite SERIES DIR  the series file for the patches in DIR:
         comments stay with the patch they preceded (matched by name without
         NNNN-), a new patch goes after the one before it, and comments of
         dropped patches go to the end.
"""
import os
import re
import sys

def entries(path):
    """Every line of the series file, with its patch file or ''."""
    with open(path) as f:
        return [(l, l.split('#', 1)[0].strip()) for l in f.read().splitlines()]

def ends(path):
    n, last = 0, 0
    for line, entry in entries(path) + [('', '')]:
        if entry:
            n += 1
            last = n
        elif not line.strip() and last:
            yield str(last)
            last = 0

def rewrite(path, patch_dir):
    slug = lambda name: re.sub(r'^\d{4}-', '', name)
    header, blocks, pending = None, {}, []
    for line, entry in entries(path):
        if not entry:
            pending.append(line)
            continue
        if header is None:
            # Up to the last blank line before the first entry is the file
            # header; the rest belongs to the first entry.
            cut = max([i + 1 for i, l in enumerate(pending) if not l.strip()] + [0])
            header, pending = pending[:cut], pending[cut:]
        blocks[slug(entry)] = pending
        pending = []
    out = header if header is not None else pending
    for name in sorted(n for n in os.listdir(patch_dir) if n.endswith('.patch')):
        out += blocks.pop(slug(name), []) + [name]
    for rest in blocks.values():
        out += rest
    if header is not None:
        out += pending
    while out and not out[-1].strip():
        out.pop()
    return out

if __name__ == '__main__':
    cmd, args = sys.argv[1], sys.argv[2:]
    run = {'list': lambda p: [e for _, e in entries(p) if e],
           'ends': ends, 'rewrite': rewrite}[cmd]
    lines = list(run(*args))
    if lines:
        print('\n'.join(lines))
