"""Shared helpers: a fresh copy of the small fixture project for each test."""

from __future__ import annotations

import atexit
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import Paths
from generator.problems import RecordsInvalid
from generator.validate import load_dataset

TESTS = Path(__file__).parent
REPO = TESTS.parent
FIXTURE = TESTS / "fixtures" / "site"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A writable copy of tests/fixtures/site."""
    dest = tmp_path / "project"
    shutil.copytree(FIXTURE, dest)
    return dest


def paths(root: Path) -> Paths:
    """The fixture's records and content, rendered with the repository's theme."""
    return Paths(root, root / "site_data", root / "content", REPO / "theme")


def problems(root: Path) -> list[str]:
    """Every problem the fixture at `root` has, as printed for editors."""
    try:
        load_dataset(root / "site_data", root / "content", root)
    except RecordsInvalid as error:
        return [str(p) for p in error.problems]
    return []


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def command(root: Path, *args: str) -> list[str]:
    """`python -m generator --root ROOT ARGS…`, as an editor or CI runs it."""
    return [sys.executable, "-m", "generator", "--root", str(root), *args]


def build_command(root: Path, site_dir: Path, *extra: str) -> list[str]:
    """`python -m generator build`, as `make site` runs it; the office report goes beside `site_dir`."""
    if "--office-dir" not in extra:
        extra = (*extra, "--office-dir", str(site_dir.parent / "office"))
    return command(root, "build", "--site-dir", str(site_dir), *extra)


# Whether the test being set up is marked `build`. `make test-fast` leaves whole-site builds out by that
# marker, so a build must not run in a test without it: `build()` refuses, naming the test. A fixture
# that builds is set up for the first test that asks for it, so that test must be marked too.
_MARKED_BUILD = {"now": False}


def pytest_runtest_setup(item: pytest.Item) -> None:
    _MARKED_BUILD["now"] = item.get_closest_marker("build") is not None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slow modules first: those with browser tests, then those that build, then the rest.

    Under `-n 2` (`--dist worksteal`, pyproject.toml) a worker that runs dry takes half of the other's
    queue; with the long tests ahead, what is left at the end is short tests, and both workers finish
    together. A module stays in one piece, so its module fixtures are set up once.
    """
    rank: dict[str, int] = {}
    for item in items:
        module = item.nodeid.split("::")[0]
        slow = 0 if item.get_closest_marker("browser") else 1 if item.get_closest_marker("build") else 2
        rank[module] = min(slow, rank.get(module, 2))
    items.sort(key=lambda item: rank[item.nodeid.split("::")[0]])  # stable: each module keeps its order


class _Runs:
    """This test process's tests/buildserver.py, started at its first run and ended with it."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="test-runs-"))
        self.address = str(self.folder / "socket")
        with (self.folder / "server.log").open("wb") as log:
            self.server = subprocess.Popen(
                [sys.executable, "-m", "tests.buildserver", self.address],
                stdin=subprocess.PIPE,  # closed at our exit, which ends the server
                stdout=subprocess.PIPE,
                stderr=log,
                env=BUILD_ENV,
                cwd=REPO,
            )
        atexit.register(shutil.rmtree, self.folder, True)
        assert self.server.stdout is not None
        if self.server.stdout.readline() != b"ready\n":
            raise RuntimeError("tests/buildserver.py did not start: " + (self.folder / "server.log").read_text(errors="replace"))

    def run(self, command: list[str], cwd: Path | None) -> subprocess.CompletedProcess[str]:
        """`command` (`python -m MODULE ARGS…`) as subprocess.run(capture_output=True, text=True) runs it."""
        with tempfile.TemporaryDirectory(dir=self.folder) as folder:
            out, err = Path(folder) / "stdout", Path(folder) / "stderr"
            out.touch()
            err.touch()
            request = {"module": command[2], "args": command[3:], "cwd": str(cwd or os.getcwd()), "env": BUILD_ENV}
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.connect(self.address)
                connection.sendall(json.dumps({**request, "stdout": str(out), "stderr": str(err)}).encode())
                connection.shutdown(socket.SHUT_WR)
                reply = b"".join(iter(lambda: connection.recv(64), b""))
            if not reply:
                raise RuntimeError(f"tests/buildserver.py lost the run of {command}")
            # Decoded as subprocess.run(text=True) decodes a child's output: the locale's encoding, universal newlines.
            stdout, stderr = (io.TextIOWrapper(io.BytesIO(path.read_bytes())).read() for path in (out, err))
        return subprocess.CompletedProcess(command, int(reply), stdout, stderr)


_RUNS: list[_Runs] = []
# The modules whose imports the server has done. Another (ProperDocs, which finds MkDocs' classes where it
# expects its own once MkDocs is imported) starts a fresh interpreter.
SERVED = ("generator", "mkdocs")


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd), with the imports already done.

    `python -m …` in BUILD_ENV runs in a child forked from tests/buildserver.py, which has imported the
    generator, mkdocs and Material and loaded jieba's dictionary once: a whole-site build takes a second
    and a half instead of three and a half. Any other environment may change what an import does (a hash
    seed, a warning switched on), as may another module: those runs start a fresh interpreter.
    """
    if env not in (None, BUILD_ENV) or command[:2] != [sys.executable, "-m"] or command[2] not in SERVED:
        return subprocess.run(command, capture_output=True, text=True, env=env or BUILD_ENV, cwd=cwd, check=False)
    if not _RUNS:
        _RUNS.append(_Runs())
    return _RUNS[0].run(command, cwd)


def build(root: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    assert _MARKED_BUILD["now"], f"{os.environ.get('PYTEST_CURRENT_TEST', '?')} builds the whole site: mark it @pytest.mark.build"
    return run(build_command(root, site_dir, *extra), env=env)


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(command(root, *args))


def headline(home: str) -> dict[str, int]:
    """The home page's headline figures by their labels, as {"已开展竞赛": 4, "参赛职工": 95, …}."""
    pattern = r'cp-stats__value">(\d+)<small>.*?</small></span>\s*<span class="cp-stats__label">(.*?)</span>'
    return {label: int(value) for value, label in re.findall(pattern, home, re.S)}


# What a table's cells carry for the phone's stacked rows (partials/cp/data-table.html): ARIA roles and their
# column's name. Tests of a table's content compare rows as the cells read.
LAYOUT = re.compile(r' (?:role="(?:table|rowgroup|row|columnheader|rowheader|cell)"|data-label="[^"]*")')


def as_written(html: str) -> str:
    """`html` without the attributes of the phone layout: '<tr role="row"><th scope="row" role="rowheader">' reads '<tr><th scope="row">'."""
    return LAYOUT.sub("", html)


def product(root: Path) -> Path:
    """Make a data tree a buildable project: the repository's mkdocs.yml and theme/ (the product) beside it."""
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    return root


# The fixture site's date: every phase has ended, 优质服务 (11-01 to 11-30) is over, 节能 (to 12-31) runs on.
FIXTURE_AS_OF = "2023-12-01"


def announcement(start: str, end: str) -> str:
    """A 公示 of the 总装车间 (工人先锋号) and 农测试 (工人先锋岗) from `start` to `end`, as a record file."""
    return f"""id: pioneer
title: 2023年度测试县工人先锋号拟表彰对象公示
start: {start}
end: {end}
candidates:
  - zongzhuang
  - nong-ceshi
intro: 现予以公示。
objection:
  contact: 组委会办公室
  visit: 县总工会402室
"""


# One that ended before FIXTURE_AS_OF (Monday 11-06 to Friday 11-10: five working days), so that the site
# has a 公示 page too; its candidates are honoured by then, as in the tree.
ENDED_ANNOUNCEMENT = announcement("2023-11-06", "2023-11-10")


def require_chromium() -> None:
    """Skip a browser test where Chromium is missing, but fail under CI, where it must be installed."""
    from tools.browser import chromium_path

    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but Chromium is missing: .ci/run must install chromium and fonts-noto-cjk")
        pytest.skip("Chromium is not installed (apt-get install chromium fonts-noto-cjk)")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium per test process, shared by every browser test: each opens its own pages.

    Starting Chromium costs a second or two; the suite's browser tests used to start eleven.
    """
    require_chromium()
    from tools.browser import browser

    with browser() as instance:
        yield instance


# Where the fixture site is published in tests that need an address (QR codes, posters, share cards).
SITE_URL = "https://ghw.example.gov.cn/jingsai/"


@pytest.fixture(scope="session")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/site built with site_url (as a published site is), once per test session (per worker)."""
    root = tmp_path_factory.mktemp("with-url") / "project"
    shutil.copytree(FIXTURE, root)
    product(root)
    edit(root, "mkdocs.yml", "site_name:", f"site_url: {SITE_URL}\nsite_name:")
    result = build(root, root.parent / "site", "--as-of", FIXTURE_AS_OF)
    assert result.returncode == 0, result.stderr
    return root.parent / "site"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/site with an ended 公示, built on FIXTURE_AS_OF once per test session (per worker).

    Tests never read the repository's own site_data/ or content/: those are the user's (today the sample).
    """
    root = tmp_path_factory.mktemp("fixture") / "project"
    shutil.copytree(FIXTURE, root)
    product(root)
    write(root, "site_data/2023/announcements/pioneer.yml", ENDED_ANNOUNCEMENT)
    out = root.parent / "site"
    result = build(root, out, "--as-of", FIXTURE_AS_OF)
    assert result.returncode == 0, result.stderr
    return out
