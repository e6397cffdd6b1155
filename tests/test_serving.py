"""MkDocs run for editors: a failed build ends on the Chinese report, and the preview leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import BUILD_ENV, REPO, build, command, edit

pytestmark = pytest.mark.build


@pytest.fixture
def buildable(project: Path) -> Path:
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    return project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_failed_build_ends_on_the_chinese_report(buildable: Path, tmp_path: Path):
    edit(buildable, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能手", "honour: 技术能人")
    env = {key: value for key, value in BUILD_ENV.items() if key != "NO_MKDOCS_2_WARNING"}
    result = build(buildable, tmp_path / "site", env=env)
    assert result.returncode == 1
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    report = next(i for i, line in enumerate(lines) if "技术能人" in line)
    assert lines[report].startswith("site_data/2023/people/huang-ceshi.yml:5: honour:")  # no "ERROR    -  "
    assert lines[report + 1 :] == ["共发现 1 处问题，网站未生成。请按提示修改后重试。", "网站生成失败，site/ 保持原样未改动。"]
    assert not any("Aborted" in line or "Material for MkDocs" in line for line in lines)


def test_the_preview_stopped_with_sigterm_removes_its_temporary_site(buildable: Path, tmp_path: Path):
    shm = tmp_path / "shm"
    shm.mkdir()
    port = free_port()
    env = {**BUILD_ENV, "CAMPAIGN_PREVIEW_TMP": str(shm)}
    preview = subprocess.Popen(
        command(buildable, "serve", "--dev-addr", f"127.0.0.1:{port}", "--as-of", "2023-11-02"),
        cwd=buildable,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    assert response.status == 200
                    # --as-of reached the preview's plugin, in the child process that runs MkDocs
                    assert "数据截至 2023年11月2日" in response.read().decode("utf-8")
                    break
            except OSError:
                assert preview.poll() is None, "the preview stopped by itself"
                assert time.monotonic() < deadline, "the preview did not start"
                time.sleep(0.5)
        made = list(shm.iterdir())
        assert len(made) == 1 and any(made[0].rglob("index.html"))  # the site is there, under our folder
        preview.send_signal(signal.SIGTERM)
        assert preview.wait(timeout=60) == 0
    finally:
        if preview.poll() is None:
            os.kill(preview.pid, signal.SIGKILL)
    assert list(shm.iterdir()) == []
