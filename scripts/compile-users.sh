#!/bin/sh
# Compile the in-tree users of the DRM GPU scheduler against build/linux as
# it is checked out: lima, panfrost, v3d and etnaviv whole, and the amdgpu
# and msm objects that call into drm_sched. Uses COMPILE_TEST on x86_64, so
# the ARM-only drivers build here. Output in build/compile-users.
#
# The series must not change a signature these drivers use; this shows
# that they still build, warning-free in the files that use drm_sched.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
K=$top/build/linux
O=$top/build/compile-users
export PATH="/usr/lib/ccache:$PATH"
mk() { make -C "$K" O="$O" ARCH=x86_64 -j"$(nproc)" "$@"; }

mkdir -p "$O"
mk -s allnoconfig
"$K/scripts/config" --file "$O/.config" \
	-e COMPILE_TEST -e PCI -e OF -e COMMON_CLK -e MMU \
	-e DRM -e DRM_LIMA -e DRM_PANFROST -e DRM_V3D -e DRM_ETNAVIV \
	-e DRM_AMDGPU -e ARCH_QCOM -e DRM_MSM
mk -s olddefconfig

missing=
for sym in DRM_SCHED DRM_LIMA DRM_PANFROST DRM_V3D DRM_ETNAVIV DRM_AMDGPU; do
	grep -q "^CONFIG_$sym=y" "$O/.config" || missing="$missing $sym"
done
[ -z "$missing" ] || { echo "not enabled:$missing"; exit 1; }

objs=
for f in $(cd "$K" && grep -l 'drm_sched_' drivers/gpu/drm/amd/amdgpu/*.c); do
	objs="$objs ${f%.c}.o"
done
if grep -q '^CONFIG_DRM_MSM=y' "$O/.config"; then
	for f in $(cd "$K" && grep -l 'drm_sched_' drivers/gpu/drm/msm/*.c); do
		objs="$objs ${f%.c}.o"
	done
else
	echo "note: DRM_MSM not enabled on x86_64 allnoconfig; msm not built"
fi

log=$O/build.log
mk drivers/gpu/drm/scheduler/ drivers/gpu/drm/lima/ \
	drivers/gpu/drm/panfrost/ drivers/gpu/drm/v3d/ drivers/gpu/drm/etnaviv/ \
	$objs > "$log" 2>&1 || { tail -n 30 "$log"; exit 1; }
if grep -E 'warning:' "$log"; then
	exit 1
fi
echo "built: scheduler, lima, panfrost, v3d, etnaviv, and $(echo $objs | wc -w) amdgpu and msm objects"
