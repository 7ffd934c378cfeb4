#!/bin/sh
# The "compile" check: the in-tree users of drm_sched still build, warning-free,
# against build/linux as it is checked out: lima, panfrost, v3d and etnaviv
# whole, and the amdgpu and msm objects that call drm_sched. x86_64 with
# COMPILE_TEST, so the ARM-only drivers build here. Output in build/compile-users.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
O=$top/build/compile-users
# ccache, with paths relative to the clone so that any clone hits the cache.
export PATH="/usr/lib/ccache:$PATH" CCACHE_BASEDIR="$top"
mk() { make -C "$K" O="$O" ARCH=x86_64 -j"$(nproc)" "$@"; }

mkdir -p "$O"
mk -s allnoconfig
"$K/scripts/config" --file "$O/.config" \
	-e COMPILE_TEST -e PCI -e OF -e COMMON_CLK -e MMU \
	-e DRM -e DRM_LIMA -e DRM_PANFROST -e DRM_V3D -e DRM_ETNAVIV \
	-e DRM_AMDGPU -e ARCH_QCOM -e DRM_MSM
mk -s olddefconfig
for sym in DRM_SCHED DRM_LIMA DRM_PANFROST DRM_V3D DRM_ETNAVIV DRM_AMDGPU DRM_MSM; do
	grep -q "^CONFIG_$sym=y" "$O/.config" || { echo "not enabled: $sym"; exit 1; }
done

objs=$(cd "$K" && grep -l 'drm_sched_' drivers/gpu/drm/amd/amdgpu/*.c \
	drivers/gpu/drm/msm/*.c | sed 's/\.c$/.o/')
mk drivers/gpu/drm/scheduler/ drivers/gpu/drm/lima/ drivers/gpu/drm/panfrost/ \
	drivers/gpu/drm/v3d/ drivers/gpu/drm/etnaviv/ $objs > "$O/build.log" 2>&1 ||
	{ tail -n 30 "$O/build.log"; exit 1; }
if grep 'warning:' "$O/build.log"; then
	exit 1
fi
echo "built: scheduler, lima, panfrost, v3d, etnaviv, and $(echo $objs | wc -w) amdgpu and msm objects"
