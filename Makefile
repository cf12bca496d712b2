# Berdaya: `make site` builds the bundled curricula, `make test` checks everything.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP := $(VENV)/.installed-test
CHROMIUM := /usr/bin/chromium

.PHONY: site test check lint typecheck pytest audit serve clean chromium pdf-libs weasyprint-libs scorm-runtime zim-tools golden

site: $(STAMP) pdf-libs
	$(BIN)/berdaya build

serve: $(STAMP)
	$(BIN)/berdaya serve

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[pdf]'
	touch $@

$(TESTSTAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install --quiet -e '.[test,pdf,zim]'
	touch $@

# Debian's Chromium drives the browser tests; `playwright install` cannot download here.
chromium:
	@test -x $(CHROMIUM) || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; }

# WeasyPrint (berdaya pdf) needs Pango, HarfBuzz's subsetter and a font (DejaVu, named by the
# print stylesheet); poppler-utils (pdftotext, pdftoppm) reads PDFs back in the tests.
WEASYPRINT_LIBS := pango-1.0 pangoft2-1.0 harfbuzz-subset
weasyprint-libs:
	@$(PYTHON) -c "import ctypes.util as u, sys; sys.exit(0 if all(u.find_library(n) for n in sys.argv[1:]) else 1)" $(WEASYPRINT_LIBS) \
	  && command -v pdftoppm >/dev/null && command -v pdftotext >/dev/null && fc-list -q "DejaVu Sans" \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils; }

# What `berdaya pdf` needs from the system after `make site` (WeasyPrint's Pango and HarfBuzz,
# the DejaVu font): apt-get installs them where it can; otherwise this names the packages and
# `make site` goes on (the site itself needs none of them).
pdf-libs:
	@$(PYTHON) -c "import ctypes.util as u, sys; sys.exit(0 if all(u.find_library(n) for n in sys.argv[1:]) else 1)" $(WEASYPRINT_LIBS) \
	  && fc-list -q "DejaVu Sans" 2>/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core; } 2>/dev/null \
	  || echo "berdaya pdf needs Pango, HarfBuzz and DejaVu fonts: apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core (as root)"

# scorm-again (npm, pinned by version and checksums in tests/support/scorm_again.json): the
# strict SCORM 1.2 runtime the browser tests play the SCORM packages in; into node_modules/.
scorm-runtime:
	@$(PYTHON) scripts/scorm_runtime.py

# zimcheck (Debian's zim-tools) checks the ZIM exports and kiwix-serve (kiwix-tools) serves
# them to Chromium in the tests; where apt cannot install them, those tests skip with a reason.
zim-tools:
	@command -v zimcheck >/dev/null && command -v kiwix-serve >/dev/null \
	  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends zim-tools kiwix-tools; } \
	  || echo "zim-tools/kiwix-tools could not be installed: the zimcheck and kiwix-serve tests will skip"

lint: $(TESTSTAMP)
	$(BIN)/ruff check generator tests scripts benchmarks
	$(BIN)/ruff format --check generator tests scripts benchmarks

typecheck: $(TESTSTAMP)
	$(BIN)/mypy

pytest: $(TESTSTAMP) chromium weasyprint-libs scorm-runtime zim-tools
	$(BIN)/pytest -q

# Known vulnerabilities of the installed packages; passes with a warning when no advisory
# data can be had (offline, or an index mirror without it).
audit: $(TESTSTAMP)
	$(BIN)/python scripts/audit.py

test: lint typecheck pytest audit

# The edit loop: lint and the fast tests (no real builds, no browser), in seconds.
check: lint
	$(BIN)/pytest -q -m "not slow and not browser"

clean:
	rm -rf site build modules/*/ $(VENV)

# Regenerate the golden Markdown files of tests/golden/ after an intended change.
golden: $(TESTSTAMP)
	BERDAYA_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/site/test_generate.py
