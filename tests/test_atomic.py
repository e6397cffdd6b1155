"""Nothing half-built, and reproducible: a killed build leaves the old site; equal input gives equal bytes."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import BUILD_ENV, FIXTURE, build, build_command, product

pytestmark = pytest.mark.build


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def copy_project(target: Path) -> Path:
    """The fixture tree (one photo, a workbook to download) with the repository's mkdocs.yml and theme."""
    shutil.copytree(FIXTURE, target)
    return product(target)


def test_a_build_killed_half_way_leaves_the_old_site_intact(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build(project, site).returncode == 0
    before = snapshot(site)
    process = subprocess.Popen(
        build_command(project, site), env=BUILD_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    deadline = time.monotonic() + 60
    temporary: list[Path] = []
    while time.monotonic() < deadline and process.poll() is None:
        temporary = [p for p in tmp_path.glob(".site.tmp-*") if any(p.rglob("index.html"))]
        if temporary:
            break
        time.sleep(0.005)
    assert temporary, "the build finished before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(site) == before
    # The next build clears what the killed one left and publishes normally.
    assert build(project, site).returncode == 0
    assert not list(tmp_path.glob(".site.tmp-*"))
    assert snapshot(site) == before


def test_two_builds_from_two_checkouts_are_byte_identical(tmp_path: Path):
    one, two = copy_project(tmp_path / "a" / "checkout"), copy_project(tmp_path / "b" / "elsewhere")
    outputs = []
    for index, project in enumerate([one, two]):
        env = {**BUILD_ENV, "PYTHONHASHSEED": str(index + 1)}
        env.pop("SOURCE_DATE_EPOCH", None)
        out = project.parent / "site"
        result = build(project, out, env=env)
        assert result.returncode == 0, result.stderr
        outputs.append((snapshot(out), snapshot(project.parent / "office")))
        if index == 0:
            time.sleep(2.1)  # zip and gzip stamps have two-second resolution: a clock leak would show
    (site_one, office_one), (site_two, office_two) = outputs
    assert sorted(site_one) == sorted(site_two)
    assert [name for name in site_one if site_one[name] != site_two[name]] == []
    assert [name for name in office_one if office_one[name] != office_two.get(name)] == []
    assert any(name.endswith(".xlsx") for name in site_one) and any(name.endswith(".jpg") for name in site_one)
