"""Builds of one project exclude each other, and nothing a killed build leaves is published or kept."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator import swap as swap_module
from generator.swap import LOCK_NAME, build_lock, clear_leftovers, running_message, swap_in

from .conftest import REPO, build, cli


@pytest.mark.build
def test_a_second_build_is_refused_with_a_clear_message(project: Path, tmp_path: Path):
    # The lock is held where the build writes: beside its site/ and office/.
    with build_lock(tmp_path):
        result = build(project, tmp_path / "site")
        office = cli(project, "office", "--office-dir", str(tmp_path / "office"))
    holder = (tmp_path / LOCK_NAME).read_text(encoding="utf-8").strip()  # emptied when released
    assert holder == ""
    for refused in (result, office):
        assert refused.returncode == 1
        assert refused.stderr.strip().startswith("另一个网站生成正在进行（进程号 ")
        assert "请等它结束后再运行" in refused.stderr
    assert not (tmp_path / "site").exists() and not (tmp_path / "office").exists()


def test_the_message_names_the_process_holding_the_lock():
    assert running_message("4242") == (
        "另一个网站生成正在进行（进程号 4242），这次没有开始。同时生成两次会互相删掉对方的临时文件夹，"
        "发布出残缺的网站。请等它结束后再运行（make site 或 python -m generator build）。"
    )


def test_a_killed_build_does_not_leave_the_lock_held(tmp_path: Path):
    script = (
        "import sys, time; from pathlib import Path; from generator.swap import build_lock\n"
        "with build_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    with pytest.raises(swap_module.BuildRunning, match=str(holder.pid)), build_lock(tmp_path):
        pass
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    with build_lock(tmp_path):  # free again, although the file is still there
        assert (tmp_path / LOCK_NAME).is_file()


def test_a_swap_stopped_halfway_is_repaired_and_temporary_folders_go(tmp_path: Path):
    site = tmp_path / "site"
    old = tmp_path / ".site.old-123"
    old.mkdir()
    (old / "index.html").write_text("old site", encoding="utf-8")
    for left in (".site.tmp-7", ".office.tmp-8"):
        (tmp_path / left).mkdir()
        (tmp_path / left / "report.html").write_text("内部报表", encoding="utf-8")
    clear_leftovers(site)
    clear_leftovers(tmp_path / "office")
    assert (site / "index.html").read_text(encoding="utf-8") == "old site"  # never without a site
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("atomic", [True, False])
def test_the_swap_replaces_the_site_and_leaves_nothing_beside_it(tmp_path: Path, monkeypatch, atomic: bool):
    if not atomic:
        monkeypatch.setattr(swap_module, "_exchange", lambda a, b: False)
    site, built = tmp_path / "site", tmp_path / ".site.tmp-1"
    for folder, text in ((site, "old"), (built, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text, encoding="utf-8")
    swap_in(built, site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_what_builds_leave_beside_the_project_is_git_ignored():
    names = [".site.tmp-12/", ".site.old-12/", ".office.tmp-12/", ".office.old-12/", LOCK_NAME]
    result = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=REPO, capture_output=True, text=True, check=False)
    assert result.stdout.split() == names


@pytest.mark.build
def test_a_build_clears_the_office_report_a_killed_build_left(project: Path, tmp_path: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    left = tmp_path / ".office.tmp-99"
    left.mkdir()
    (left / "report.html").write_text("内部报表", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not left.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [LOCK_NAME]  # empty, and free
