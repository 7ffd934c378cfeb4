#!/bin/sh
# Run the dma-buf and sync kselftests of a kernel tree on a UML kernel that
# boots the host's / read-only over hostfs, and turn their TAP into one
# PASS/FAIL/SKIP line per case.
#
# Usage: selftests.sh KERNEL_TREE UML_KERNEL_BINARY OUTDIR
#
# The UML kernel needs the hostfs and fence options of configs/um.config. Into
# OUTDIR go the installed uapi headers, the static test binaries, the init
# script, each test's TAP (<test>.tap) and the boot log (boot.log). Inside
# UML, only OUTDIR is mounted writable; the rest of the host is read-only.
#
# Prints:
#   PASS|FAIL|SKIP selftests-um: <test>: <case>   one per TAP result
#   FAIL selftests-um: <test>: no TAP plan or totals
#   FAIL selftests-um: <test>: ...                 wrong count, bad exit
#   FAIL selftests-um: boot did not finish         timeout or crash
#   PASS|FAIL selftests-um: boot log clean
# and exits non-zero if any line is FAIL.
#
# Environment: SELFTESTS_TIMEOUT (seconds, default 300), SELFTESTS_MEM
# (UML mem=, default 256M).
set -u

usage() {
	echo "usage: $0 KERNEL_TREE UML_KERNEL_BINARY OUTDIR" >&2
	exit 2
}
[ $# -eq 3 ] || usage
tree=$(cd "$1" && pwd) || usage
uml=$(readlink -f "$2") && [ -x "$uml" ] || usage
mkdir -p "$3" && out=$(cd "$3" && pwd) || usage

label=selftests-um
timeout=${SELFTESTS_TIMEOUT:-300}
mem=${SELFTESTS_MEM:-256M}
# name:directory:binary of each test, relative to tools/testing/selftests.
tests='dma-buf:dma-buf:sync_file_ioctls sync:sync:sync_test'

top=$(cd "$(dirname "$0")/.." && pwd)
export PATH="/usr/lib/ccache:$PATH" CCACHE_BASEDIR="$top"
# The tests run on UML, which runs the host's x86_64 binaries.
unset ARCH CROSS_COMPILE O KBUILD_OUTPUT
jobs=$(nproc)

fail() {
	echo "FAIL $label: $*"
	exit 1
}

# 1. The tree's uapi headers, installed out of tree so that neither the
# kernel tree nor its build directories are written.
make -s -C "$tree" O="$out/kbuild" INSTALL_HDR_PATH="$out/headers" \
	-j"$jobs" headers_install >"$out/build.log" 2>&1 ||
	fail "make headers_install (see $out/build.log)"

# 2. The tests, static: the host's libraries are not those of the tree.
for t in $tests; do
	dir=${t#*:}
	dir=${dir%%:*}
	bin=${t##*:}
	mkdir -p "$out/bin/$dir"
	rm -f "$out/bin/$dir/$bin"
	LDFLAGS=-static make -C "$tree/tools/testing/selftests/$dir" \
		OUTPUT="$out/bin/$dir" \
		KHDR_INCLUDES="-isystem $out/headers/include" \
		>>"$out/build.log" 2>&1 ||
		fail "build of tools/testing/selftests/$dir (see $out/build.log)"
done

# 3. The init script: mounts only kernel file systems over the read-only
# host root, and OUTDIR writable for the TAP files; runs each test, then
# powers the machine off.
halt='poweroff -f'
[ -x /bin/busybox ] && halt='/bin/busybox poweroff -f'
{
	echo '#!/bin/sh'
	echo '# Written by scripts/selftests.sh; runs as init inside UML.'
	echo 'PATH=/usr/sbin:/usr/bin:/sbin:/bin'
	echo 'export PATH'
	echo 'mount -t devtmpfs devtmpfs /dev'
	echo 'exec </dev/null >/dev/console 2>&1'
	echo 'mount -t proc proc /proc'
	echo 'mount -t sysfs sysfs /sys'
	echo 'mount -t debugfs debugfs /sys/kernel/debug'
	echo 'mount -t tmpfs tmpfs /tmp'
	echo 'mount -t tmpfs tmpfs /run'
	# OUTDIR may be under /tmp or /run, which the tmpfs mounts above
	# hide: mount it again on a directory made in them.
	echo "mkdir -p '$out' 2>/dev/null"
	echo "mount -t hostfs -o '$out' hostfs '$out' || echo '$label: cannot mount $out'"
	echo "cd '$out' || $halt"
	for t in $tests; do
		name=${t%%:*}
		dir=${t#*:}
		dir=${dir%%:*}
		bin=${t##*:}
		echo "echo \"$label: start $name at \$(cat /proc/uptime)\""
		echo "'$out/bin/$dir/$bin' >'$out/$name.tap' 2>&1"
		echo "echo \"$label: exit $name \$? at \$(cat /proc/uptime)\""
		echo "cat '$out/$name.tap'"
	done
	echo "echo '$label: done'"
	echo 'cd /'
	echo "umount '$out'"
	echo "$halt"
	echo 'echo o >/proc/sysrq-trigger'
} >"$out/init.sh"
chmod +x "$out/init.sh"

# 4. Boot. No KUnit suite and no in-kernel dma-buf selftest runs.
for t in $tests; do
	rm -f "$out/${t%%:*}.tap"
done
rm -rf "$out/uml" "$out/boot.bad" "$out/boot.status"
mkdir -p "$out/uml"
timeout -k 10 "$timeout" "$uml" mem="$mem" uml_dir="$out/uml" \
	con0=fd:0,fd:1 \
	rootfstype=hostfs rootflags=/ init="$out/init.sh" \
	kunit.filter_glob=no-suite-matches dmabuf_selftests.st_filter=none \
	</dev/null >"$out/boot.log" 2>&1
echo "$?" >"$out/boot.status"

# 5. Results.
status=0
report() {
	echo "$1"
	case $1 in FAIL*) status=1 ;; esac
}

for t in $tests; do
	name=${t%%:*}
	rc=$(sed -n "s/^$label: exit $name \\([0-9]*\\) .*/\\1/p" "$out/boot.log" |
	     tail -n 1)
	if [ ! -f "$out/$name.tap" ]; then
		report "FAIL $label: $name: did not run"
		continue
	fi
	lines=$(awk -v label="$label" -v name="$name" -v rc="$rc" '
	function trim(s) {
		gsub(/\[RUN\]/, "", s)
		gsub(/[ \t]+/, " ", s)
		sub(/^ /, "", s)
		sub(/ $/, "", s)
		return s
	}
	/^1\.\.[0-9]+/ {
		plan = $0
		sub(/^1\.\./, "", plan)
		nplan = plan + 0
		have_plan = 1
		if (nplan == 0 && $0 ~ /# *SKIP/) {
			why = $0
			sub(/^[^#]*# *SKIP */, "", why)
			printf "SKIP %s: %s: %s\n", label, name, trim(why)
			whole_skip = 1
		}
		next
	}
	/^# Totals: / { have_totals = 1; next }
	/^(not )?ok [0-9]+/ {
		failed = ($0 ~ /^not ok/)
		desc = $0
		sub(/^(not )?ok [0-9]+ */, "", desc)
		if (desc ~ /# *SKIP/) {
			sub(/ *# *SKIP.*/, "", desc)
			verdict = "SKIP"
		} else if (desc ~ /# *(TODO|XFAIL)/) {
			sub(/ *#.*/, "", desc)
			verdict = "SKIP"
		} else {
			verdict = failed ? "FAIL" : "PASS"
		}
		desc = trim(desc)
		results++
		if (desc == "")
			desc = "case " results
		printf "%s %s: %s: %s\n", verdict, label, name, desc
		next
	}
	END {
		if (!have_plan && !have_totals)
			printf "FAIL %s: %s: no TAP plan or totals\n", label, name
		else if (have_plan && !whole_skip && results != nplan)
			printf "FAIL %s: %s: %d results for a plan of %d\n",
			       label, name, results, nplan
		if (rc == "")
			printf "FAIL %s: %s: did not finish\n", label, name
		else if (rc != 0 && rc != 4)
			printf "FAIL %s: %s: exit status %d\n", label, name, rc
	}' "$out/$name.tap")
	while IFS= read -r l; do
		[ -n "$l" ] && report "$l"
	done <<EOF
$lines
EOF
done

grep -q "^$label: done" "$out/boot.log" ||
	report "FAIL $label: boot did not finish (status $(cat "$out/boot.status"), see $out/boot.log)"

# Kernel warnings. Two splats of the base tree are dropped, each recognised
# by its header line, from that line to the end of its call trace:
# - 6.1 UML warns of suspicious RCU usage in lib/maple_tree.c at every exec;
# - kunit.py's arch_uml.config enables UML_PCI_OVER_VIRTIO without a device
#   ID, so virt-pci.c WARNs "No virtio device ID configured" at every boot.
# Nothing else is dropped.
bad=$(awk '
	function bad_line(s) {
		return s ~ /WARNING:|(^|[^A-Za-z_])BUG[: ]|Oops|KASAN|Kernel panic|possible recursive locking|circular locking|inconsistent lock state|suspicious RCU usage|sleeping function called|INFO: task .* blocked/
	}
	# The end of a splat that starts at line i: the line after its call
	# trace, or after its "end trace" marker if it has one.
	function splat_end(i, endmark,    j, calltrace) {
		calltrace = 0
		for (j = i + 1; j <= NR; j++) {
			if (endmark && line[j] ~ /^---\[ end trace /)
				return j + 1
			if (endmark)
				continue
			if (line[j] ~ /^Call Trace:/) {
				calltrace = 1
				continue
			}
			if (calltrace && line[j] !~ /^[ \t]/)
				return j
		}
		return j
	}
	{
		sub(/\r$/, "")
		line[NR] = $0
	}
	END {
		for (i = 1; i <= NR; i++) {
			if (line[i] ~ /^WARNING: suspicious RCU usage$/ &&
			    line[i + 3] ~ /^([^ ]*\/)?lib\/maple_tree\.c:[0-9]+ suspicious rcu_dereference_check\(\) usage!$/) {
				i = splat_end(i, 0) - 1
				continue
			}
			if (line[i] ~ /^WARNING: CPU: [0-9]+ PID: [0-9]+ at ([^ ]*\/)?arch\/um\/drivers\/virt-pci\.c:[0-9]+ / &&
			    line[i + 1] ~ /^No virtio device ID configured for PCI - no PCI support$/) {
				i = splat_end(i, 1) - 1
				continue
			}
			if (bad_line(line[i]))
				print i ": " line[i]
		}
	}' "$out/boot.log")
if [ -z "$bad" ]; then
	report "PASS $label: boot log clean"
else
	report "FAIL $label: boot log clean: $(echo "$bad" | head -n 1)"
	echo "$bad" >"$out/boot.bad"
fi

exit $status
