# The README's commands. `deps` installs the C library CongKhai links (cmark-gfm, from
# Debian) the first time, so a fresh machine needs nothing done by hand.
.PHONY: site test deps check-site theme dist check-dist

site: deps
	swift run congkhai build

# The loopback suite talks to a real server whose answers run on the test process's task pool;
# run beside the CPU-bound suites on two cores it can wait past its socket timeout, so it runs alone.
test: deps
	swift test --skip ServeLoopbackTests
	swift test --filter ServeLoopbackTests

check-site: deps
	bash scripts/check-site.sh

deps:
	@bash scripts/install-deps.sh

# After changing templates/: regenerate the theme compiled into the binary (ThemeTests fails until then).
theme:
	bash scripts/embed-theme.sh

# dist/congkhai-<version>-linux-x86_64.tar.gz: runs without the Swift toolchain (README: Đưa lên mạng).
dist: deps
	bash scripts/dist.sh

check-dist: dist
	bash scripts/check-dist.sh
