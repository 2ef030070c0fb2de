# The README's commands. `deps` installs the C library CongKhai links (cmark-gfm, from
# Debian) the first time, so a fresh machine needs nothing done by hand.
.PHONY: site test deps check-site

site: deps
	swift run congkhai build

test: deps
	swift test

check-site: deps
	bash scripts/check-site.sh

deps:
	@bash scripts/install-deps.sh
