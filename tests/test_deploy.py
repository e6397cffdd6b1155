"""Deploying: a DEPLOY_PATH that would let `rsync --delete` wipe the host is refused before rsync runs;
the workflows hold least privilege and the deploy job installs the runtime requirements only."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO

DEPLOY = REPO / "tools" / "deploy.sh"


def run_deploy(tmp_path: Path, deploy_path: str | None, built: bool = True) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """tools/deploy.sh in a folder with a built site, and an `rsync` that only notes its arguments."""
    work = tmp_path / "work"
    (work / "site").mkdir(parents=True)
    if built:
        (work / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "rsync.log"
    (bin_dir / "rsync").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {log}\n', encoding="utf-8")
    (bin_dir / "rsync").chmod(0o755)
    env = {
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "DEPLOY_HOST": "portal.example.gov.cn",
        "DEPLOY_USER": "deploy",
        "DEPLOY_KEY": "not a real key",
    }
    if deploy_path is not None:
        env["DEPLOY_PATH"] = deploy_path
    result = subprocess.run(["bash", str(DEPLOY)], cwd=work, env=env, capture_output=True, text=True, check=False)
    return result, log.read_text(encoding="utf-8").split("\n") if log.exists() else []


@pytest.mark.parametrize("deploy_path", [None, "", " ", "/", "//", " / ", ".", "~", "~/", "/var/www/../..", "$HOME"])
def test_an_empty_or_root_deploy_path_is_refused_before_rsync(tmp_path: Path, deploy_path: str | None):
    result, rsync = run_deploy(tmp_path, deploy_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"不能部署：DEPLOY_PATH 是「{deploy_path or ''}」。rsync --delete 会删掉")
    assert "如 /var/www/portal/jingsai" in result.stderr
    assert rsync == []  # never ran


def test_a_proper_deploy_path_is_synced(tmp_path: Path):
    result, rsync = run_deploy(tmp_path, "/var/www/portal/jingsai/")
    assert result.returncode == 0, result.stderr
    assert rsync[:2] == ["-az", "--delete"]
    assert rsync[-3:-1] == ["site/", "deploy@portal.example.gov.cn:/var/www/portal/jingsai/"]
    assert not any(p.name.startswith("tmp") for p in tmp_path.iterdir())  # the key file is removed


def test_an_unbuilt_site_is_not_synced(tmp_path: Path):
    result, rsync = run_deploy(tmp_path, "/var/www/portal/jingsai", built=False)
    assert result.returncode == 1 and rsync == []
    assert result.stderr.startswith("不能部署：site/ 里没有 index.html")


def github() -> dict:
    return yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))


def test_github_workflow_has_least_privilege():
    workflow = github()
    assert workflow["permissions"] == {"contents": "read"}
    for job in workflow["jobs"].values():
        assert job.get("permissions", {"contents": "read"}) == {"contents": "read"}


def deploy_commands() -> list[str]:
    steps = github()["jobs"]["deploy"]["steps"]
    gitlab = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))["deploy"]["script"]
    return [step["run"] for step in steps if "run" in step] + list(gitlab)


def test_both_deploy_jobs_install_runtime_requirements_only_and_use_the_guarded_script():
    commands = "\n".join(deploy_commands())
    assert "requirements-dev" not in commands and "make " not in commands  # make installs the test tools
    assert "pip install --quiet -r requirements.txt" in commands
    assert "rsync -" not in commands  # only tools/deploy.sh runs rsync
    assert commands.count("tools/deploy.sh") == 2


RUNTIME = {
    "jinja2",
    "markupsafe",
    "yaml",
    "markdown",
    "nh3",
    "PIL",
    "mkdocs",
    "material",
    "openpyxl",
    "pypinyin",
    "chinese_calendar",
    "jieba",
    "segno",
    "pymdownx",
}


def test_the_generator_imports_nothing_from_the_test_tools():
    """What the deploy job leaves out (pytest, playwright, properdocs, jsonschema…) the generator never needs."""
    imported = set()
    for path in (REPO / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "generator"}
    assert third_party <= RUNTIME, third_party - RUNTIME
