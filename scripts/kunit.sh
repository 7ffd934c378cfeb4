#!/bin/sh
# Build and boot a KUnit kernel for build/linux as it is checked out, with
# every .kunitconfig of the series plus configs/<arch>.config.
#
# Usage: [KUNIT_KERNEL_ARGS=...] kunit.sh um|x86_64 [kunit|selftests|drm] [filter_glob]
#
#   kunit      run the KUnit suites; the dma-buf selftests are skipped.
#   selftests  run only the in-tree dma-buf selftests (no KUnit suite).
#   drm        run the series' suites together with the in-tree DRM KUnit
#              suites (drivers/gpu/drm/tests), in their own build directory
#              and without CONFIG_HIGH_RES_TIMERS, which only the series'
#              own .kunitconfig sets: the series must not break DRM's tests,
#              nor depend on options its .kunitconfig files add.
#
# The two boots are kept apart because on UML the base tree's dma_fence_chain
# selftests leave fences in their slab at teardown, and the resulting slab
# report taints the kernel and switches lockdep off for everything after it.
#
# Writes the boot log to build/kunit-<arch>/kunit.log or selftests.log, and
# kunit.py's parsed results to build/kunit-<arch>.json.
# The exit status is kunit.py's; callers gate on scripts/results.py.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
arch=${1:?usage: kunit.sh um|x86_64 [kunit|selftests] [filter_glob]}
mode=${2:-kunit}
glob=${3:-}
out=$top/build/kunit-$arch
[ "$mode" = drm ] && out=$out-drm

export PATH="/usr/lib/ccache:$PATH"

set -- --build_dir="$out" --arch="$arch" --jobs="$(nproc)" \
	--kunitconfig="$top/configs/$arch.config"
for d in $(sed -e 's/#.*//' "$top/configs/kunitconfigs"); do
	[ -f "$K/$d/.kunitconfig" ] && set -- "$@" --kunitconfig="$d"
done

case $arch in
um)	set -- "$@" --timeout=900 ;;
x86_64)	# QEMU TCG only: KVM is not usable on the project's machines.
	set -- "$@" --timeout=1800 --qemu_args='-smp 2' ;;
*)	echo "kunit.sh: unknown arch $arch" >&2; exit 2 ;;
esac

for a in ${KUNIT_KERNEL_ARGS:-}; do
	set -- "$@" --kernel_args="$a"
done

case $mode in
kunit)
	set -- "$@" --json="$out.json" \
		--kernel_args='dmabuf_selftests.st_filter=none'
	[ -n "$glob" ] && set -- "$@" "$glob"
	rm -f "$out.json"
	;;
selftests)
	# race_signal_callback spins forever on one non-preemptible CPU.
	[ "$arch" = um ] && set -- "$@" \
		--kernel_args='dmabuf_selftests.st_filter=!race_signal_callback'
	set -- "$@" 'no-kunit-suite-matches-this'
	;;
drm)
	set -- "$@" --kunitconfig=drivers/gpu/drm/tests \
		--kconfig_add=CONFIG_HIGH_RES_TIMERS=n --json="$out.json" \
		--kernel_args='dmabuf_selftests.st_filter=none'
	[ -n "$glob" ] && set -- "$@" "$glob"
	rm -f "$out.json"
	;;
*)	echo "kunit.sh: unknown mode $mode" >&2; exit 2 ;;
esac

rm -f "$out/test.log" "$out/$mode.log"
(cd "$K" && python3 tools/testing/kunit/kunit.py run "$@")
rc=$?
[ -f "$out/test.log" ] && mv "$out/test.log" "$out/$mode.log"
exit $rc
