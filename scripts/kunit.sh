#!/bin/sh
# Build and boot a KUnit kernel for build/linux as it is checked out, with the
# .kunitconfig files of configs/kunitconfigs that exist there, plus
# configs/<arch>.config. README.md says why the modes are kept apart.
#
# Usage: [KUNIT_KERNEL_ARGS=...] kunit.sh um|x86_64 [MODE] [filter_glob]
#   kunit      (default) the KUnit suites; the dma-buf selftests are skipped;
#              on x86_64, then a kmemleak scan
#   selftests  only the in-tree dma-buf selftests (no KUnit suite)
#   drm        the series' suites with the in-tree DRM ones, without
#              CONFIG_HIGH_RES_TIMERS, in build/kunit-<arch>-drm
#   nolockdep  the KUnit suites without lockdep and the other debug options
#              of configs/nolockdep.config, in build/kunit-<arch>-nolockdep
#   kcsan      x86_64 only: the KUnit suites on a kernel with KCSAN instead
#              of KASAN (configs/kcsan.config), in build/kunit-x86_64-kcsan
#   build      only configure and build the kernel of kunit and selftests
#
# Writes the boot log to build/kunit-<arch>/<mode>.log and kunit.py's results
# to build/kunit-<arch>.json. Exits with kunit.py's status; after a boot,
# callers gate on scripts/results.py instead.
set -u

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
arch=${1:?usage: kunit.sh um|x86_64 [kunit|selftests|drm|nolockdep|build] [filter_glob]}
mode=${2:-kunit}
glob=${3:-}
out=$top/build/kunit-$arch
case $mode in drm|nolockdep|kcsan) out=$out-$mode ;; esac
config=$top/configs/$arch.config
[ "$mode" = kcsan ] && config=$top/configs/kcsan.config

# ccache, with paths relative to the clone so that any clone hits the cache.
export PATH="/usr/lib/ccache:$PATH" CCACHE_BASEDIR="$top"

set -- --build_dir="$out" --arch="$arch" --jobs="$(nproc)" \
	--kunitconfig="$config"
for d in $(sed -e 's/#.*//' "$top/configs/kunitconfigs"); do
	[ -f "$K/$d/.kunitconfig" ] && set -- "$@" --kunitconfig="$d"
done

case $arch in
um)	timeout=900 ;;
x86_64)	# QEMU TCG only: KVM is not usable on the project's machines.
	timeout=1800
	set -- "$@" --qemu_args='-smp 2' ;;
*)	echo "kunit.sh: unknown arch $arch" >&2; exit 2 ;;
esac

case $mode in
build)	cd "$K" && exec python3 tools/testing/kunit/kunit.py build "$@" ;;
kunit|drm|nolockdep|kcsan)
	[ "$mode" = drm ] && set -- "$@" --kunitconfig=drivers/gpu/drm/tests \
		--kconfig_add=CONFIG_HIGH_RES_TIMERS=n
	if [ "$mode" = nolockdep ]; then
		for o in $(sed -e 's/#.*//' "$top/configs/nolockdep.config"); do
			set -- "$@" --kconfig_add="$o"
		done
	fi
	set -- "$@" --json="$out.json" --kernel_args='dmabuf_selftests.st_filter=none'
	rm -f "$out.json"
	# x86_64: the caches drm_sched_fault makes fail, and after the suites
	# a kmemleak scan (configs/qemu-x86_64.py, scripts/initramfs.py).
	if [ "$arch" = x86_64 ] && [ "$mode" = kunit ]; then
		"$top/scripts/initramfs.py" "$out.cpio" || exit 1
		set -- "$@" --qemu_config="$top/configs/qemu-x86_64.py" \
			--qemu_args="-initrd $out.cpio" \
			--kernel_args='slub_debug=A,kmalloc-*,drm_sched_fence,radix_tree_node'
	fi
	;;
selftests)
	# race_signal_callback spins forever on one non-preemptible CPU.
	[ "$arch" = um ] && set -- "$@" \
		--kernel_args='dmabuf_selftests.st_filter=!race_signal_callback'
	# kmemleak is for the KUnit boot; here it only slows the selftests.
	[ "$arch" = x86_64 ] && set -- "$@" --kernel_args='kmemleak=off'
	glob='no-kunit-suite-matches-this'
	;;
*)	echo "kunit.sh: unknown mode $mode" >&2; exit 2 ;;
esac

set -- "$@" --timeout=$timeout
for a in ${KUNIT_KERNEL_ARGS:-}; do
	set -- "$@" --kernel_args="$a"
done
[ -n "$glob" ] && set -- "$@" "$glob"

rm -f "$out/test.log" "$out/$mode.log"
(cd "$K" && python3 tools/testing/kunit/kunit.py run "$@")
rc=$?
[ -f "$out/test.log" ] && mv "$out/test.log" "$out/$mode.log"
exit $rc
