#!/usr/bin/env python3
"""Write the initramfs of the x86_64 KUnit boot: busybox and an /init that,
once the suites are done, asks kmemleak for a scan, prints its report
between two marker lines, and reboots (QEMU runs with -no-reboot, so it
exits). scripts/results.py reads the report.

Usage: initramfs.py OUT.cpio
"""
import os
import stat
import sys

BUSYBOX = '/bin/busybox'    # Debian's busybox-static

INIT = '''#!/bin/busybox sh
b=/bin/busybox
$b mount -t proc proc /proc
$b mount -t sysfs sysfs /sys
$b mount -t debugfs debugfs /sys/kernel/debug
k=/sys/kernel/debug/kmemleak
if [ -w $k ]; then
	# kmemleak never reports an object younger than 5 s.
	$b sleep 6
	echo scan > $k
	echo scan > $k
	echo "kmemleak-scan: begin"
	$b cat $k
	echo "kmemleak-scan: end"
else
	echo "kmemleak-scan: unavailable"
fi
$b reboot -f
'''

def entry(out, ino, name, mode, data=b''):
    name = name.encode() + b'\0'
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name), 0]
    out.write(b'070701' + b''.join(b'%08X' % f for f in fields) + name)
    out.write(b'\0' * (-(110 + len(name)) % 4))
    out.write(data)
    out.write(b'\0' * (-len(data) % 4))

def main(path):
    with open(BUSYBOX, 'rb') as f:
        busybox = f.read()
    tmp = path + '.tmp'
    with open(tmp, 'wb') as out:
        ino = 1
        for d in ('bin', 'proc', 'sys'):
            entry(out, ino, d, stat.S_IFDIR | 0o755)
            ino += 1
        entry(out, ino, 'bin/busybox', stat.S_IFREG | 0o755, busybox)
        entry(out, ino + 1, 'init', stat.S_IFREG | 0o755, INIT.encode())
        entry(out, 0, 'TRAILER!!!', 0)
    os.replace(tmp, path)

if __name__ == '__main__':
    main(sys.argv[1])
