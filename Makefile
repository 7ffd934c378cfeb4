# Entry points of the patch queue. See README.md.
#
#   make             install deps, set up build/linux, run the KUnit suites (UML)
#   make check       everything CI checks; ends with "N passed, N failed"
#   make check-full  make check, then the suites on a KCSAN kernel
#   make tree        (re)create build/linux from the base and patches/
#   make export      write build/linux's commits back into patches/
#   make status      fail if build/linux holds work patches/ lacks
#   make bench       run the scheduler bench suite and print its tables
#   make mbox        write a sendable series with cover letter to build/
#   make apply KDIR=/path/to/linux   git am the series onto your 6.1.y tree

SHELL := /bin/bash

.PHONY: all deps tree export status check check-full bench mbox apply clean

all: tree
	scripts/kunit.sh um kunit

deps:
	@scripts/deps.sh >/dev/null

tree: deps
	scripts/queue.sh tree

export:
	scripts/queue.sh export
	@git status --short -- patches

status:
	@scripts/queue.sh status

check: deps
	scripts/check.sh

check-full: deps
	CHECK_KCSAN=1 scripts/check.sh

# The boot's own outcome does not matter here; bench.py fails without results.
# Once with lockdep, as the tests run, and once without.
bench: tree
	scripts/kunit.sh um kunit 'drm_sched_bench*' >&2 || true
	scripts/kunit.sh um nolockdep 'drm_sched_bench*' >&2 || true
	scripts/bench.py build/kunit-um/kunit.log 'UML, lockdep'
	@echo
	scripts/bench.py build/kunit-um-nolockdep/nolockdep.log 'UML, no lockdep'

mbox:
	scripts/queue.sh mbox

apply:
	scripts/queue.sh apply "$(KDIR)"

# Build output only; build/linux (which may hold unexported work) stays.
clean:
	rm -rf build/kunit-* build/*.mbox build/mbox
