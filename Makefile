# The README's commands. `deps` installs the C library CongKhai links (cmark-gfm, from
# Debian) the first time, so a fresh machine needs nothing done by hand.
.PHONY: site test deps check-site theme dist check-dist

site: deps
	swift run congkhai build

test: deps
	swift test

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
