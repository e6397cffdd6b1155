# Two commands for a newcomer: `make site` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
AS_OF ?=
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test test-fast serve edit cms check new import init new-year schema export lint lighthouse clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c "import ensurepip" 2>/dev/null || { echo "Python's venv module is missing: apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

site: $(STAMP)
	$(PY) -m generator build $(if $(AS_OF),--as-of $(AS_OF))

check: $(STAMP)
	$(PY) -m generator check

# make serve previews the current year; make serve YEAR=all (or YEAR=2021,2022) for more.
# make init COUNTY=青山县 YEAR=2024 (UNION=青山县总工会)   |   make new-year (FROM=2023 TO=2024)
init: $(STAMP)
	$(PY) -m generator init $(if $(COUNTY),--county $(COUNTY)) $(if $(UNION),--union $(UNION)) $(if $(YEAR),--year $(YEAR))

new-year: $(STAMP)
	$(PY) -m generator new-year $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO))

# make new KIND=person NAME=张明   |   make import KIND=people FILE=名单.xlsx
new: $(STAMP)
	$(PY) -m generator new $(KIND) $(if $(NAME),--name $(NAME))

import: $(STAMP)
	$(PY) -m generator import $(KIND) "$(FILE)"

# make export DIR=../导出: the site as a plain docs tree that ProperDocs or Zensical builds (README "A second builder").
export: $(STAMP)
	@test -n "$(DIR)" || { echo "请指定导出到哪个文件夹：make export DIR=../导出"; exit 1; }
	$(PY) -m generator export "$(DIR)" $(if $(AS_OF),--as-of $(AS_OF))

schema: $(STAMP)
	$(PY) -m generator schema
	$(PY) -m generator guide

# The preview's site is written anew on every change and thrown away at the end: where the machine has
# a memory-backed /dev/shm, it goes there, not to disk (at 20,000 records disk writes doubled a rebuild),
# and is removed however the preview ends (Ctrl-C, SIGTERM, a closed terminal).
serve: $(STAMP)
	$(PY) -m generator serve $(if $(AS_OF),--as-of $(AS_OF)) $(if $(YEAR),--year $(YEAR))

# The form editor (Decap CMS) on this machine: http://127.0.0.1:8081/admin/, the preview beside it on :8000.
# Its bundle is installed once into tools/cms/ (make cms, needs Node and npm); editors' browsers load it
# from our own server, never from a CDN, and their machines need no Node.
CMS_DIST := tools/cms/node_modules/decap-cms/dist/decap-cms.js
$(CMS_DIST): tools/cms/package.json tools/cms/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "安装表单编辑器需要 Node.js 和 npm（只在准备网站的电脑上装一次）：apt-get install nodejs npm"; exit 1; }
	cd tools/cms && npm ci --no-audit --no-fund --loglevel=error
	touch $@

cms: $(CMS_DIST)

edit: $(STAMP)
	@test -f $(CMS_DIST) || $(MAKE) cms
	$(PY) -m generator edit $(if $(AS_OF),--as-of $(AS_OF)) $(if $(YEAR),--year $(YEAR))

# The editor's browser tests need its bundle: installed here where npm is (CI installs it), else they skip.
test: $(STAMP)
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory cms; fi
	$(VENV)/bin/ruff check generator tests tools benchmarks
	$(VENV)/bin/ruff format --check generator tests tools benchmarks
	$(VENV)/bin/mypy --strict generator
	$(PY) -m pytest -n 2 -q

# Everything but the whole-site builds and the browser: a minute or so while editing code.
test-fast: $(STAMP)
	$(VENV)/bin/ruff check generator tests tools benchmarks
	$(PY) -m pytest -n 2 -q -m "not build and not browser"

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests tools benchmarks
	$(VENV)/bin/ruff format --check generator tests tools benchmarks
	$(VENV)/bin/mypy --strict generator

# Lighthouse (mobile) on the home page and an exemplar page; make lighthouse RUNS=5 for more runs.
# Needs Node 18.20+ and Chromium; installs the pinned Lighthouse into tools/lighthouse the first time.
lighthouse: $(STAMP)
	$(PY) benchmarks/lighthouse.py $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf site .site.tmp-* .site.old-* .office.tmp-* .office.old-* .build.lock
