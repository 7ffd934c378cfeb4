# kunit.py --qemu_config of the x86_64 KUnit boot (scripts/kunit.sh): the
# default x86_64 one, except that the kernel runs an init after the suites.
# kunit.py appends "kunit_shutdown=reboot" to the command line; after "--"
# the kernel hands it to init instead, and init (scripts/initramfs.py) does
# a kmemleak scan, then reboots, which ends QEMU (-no-reboot).
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0 --',
			   extra_qemu_params=['-bios', 'qboot.rom'])
