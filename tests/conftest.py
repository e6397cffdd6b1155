"""Shared helpers: a fresh copy of the small fixture project for each test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def build(root: Path, site_dir: Path, *extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        build_command(root, site_dir, *extra), capture_output=True, text=True, env=env or BUILD_ENV, check=False
    )


def cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command(root, *args), capture_output=True, text=True, env=BUILD_ENV, check=False)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample site, built once per test session (per worker)."""
    out = tmp_path_factory.mktemp("sample") / "site"
    result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    return out
