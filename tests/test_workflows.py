"""The shipped publishing workflows and the pre-commit hook parse, and do what the guide says."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from .conftest import REPO, cli, edit
from .test_images import phone_photo


def commands(steps: list[dict]) -> list[str]:
    return [step.get("run", step.get("uses", "")) for step in steps]


def test_github_workflow_tests_builds_and_refuses_sample_data_before_deploying():
    workflow = yaml.safe_load((REPO / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    build = commands(workflow["jobs"]["check-and-build"]["steps"])
    assert build.index("make test") < build.index("make site")
    assert ".venv/bin/python -m generator check --format github" in build
    assert any("chromium fonts-noto-cjk" in c for c in build)
    deploy = workflow["jobs"]["deploy"]
    steps = commands(deploy["steps"])
    guard = next(i for i, c in enumerate(steps) if "generator guard" in c)
    rsync = next(i for i, c in enumerate(steps) if "tools/deploy.sh" in c)  # rsync runs there
    assert guard < rsync and deploy["needs"] == "check-and-build"


def test_gitlab_pipeline_reports_code_quality_and_guards_the_deploy():
    pipeline = yaml.safe_load((REPO / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert pipeline["stages"] == ["test", "build", "deploy"]
    assert "make test" in pipeline["test"]["script"]
    assert pipeline["test"]["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    deploy = "\n".join(pipeline["deploy"]["script"])
    assert deploy.index("generator guard") < deploy.index("tools/deploy.sh")


def test_pre_commit_runs_the_check():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["campaign-check"]["entry"] == ".venv/bin/python -m generator check"
    assert hooks["campaign-check"]["files"] == "^(site_data|content)/"


def test_guard_refuses_sample_data_and_passes_real_data(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    refused = cli(project, "guard")
    assert refused.returncode == 1 and "sample: true（示例数据）" in refused.stderr
    edit(project, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    edit(
        project,
        "mkdocs.yml",
        '    icp: ""\n    police: ""',
        "    icp: 桂ICP备12345678号-1\n    police: 桂公网安备 45010202000123号",
    )
    refused = cli(project, "guard")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        "不能发布：mkdocs.yml 没有填写 site_url（网站发布后的地址）。在 mkdocs.yml 开头写一行，"
        "如 site_url: https://www.example.gov.cn/ldjs/（放在门户网站子路径下的，写到子路径为止）。"
    )
    edit(project, "mkdocs.yml", "# site_url: https://www.example.gov.cn/ldjs/", "site_url: https://gh.example.cn/ldjs/")
    passed = cli(project, "guard")
    assert passed.returncode == 0, passed.stderr


def test_guard_refuses_real_data_without_the_footer_marks(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    edit(project, "mkdocs.yml", "# site_url: https://www.example.gov.cn/ldjs/", "site_url: https://gh.example.cn/ldjs/")
    edit(project, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    edit(project, "site_data/settings.yml", "icp: 桂ICP备11111111号-1\npolice: 桂公网安备 45000000000001号\n", "")
    edit(project, "mkdocs.yml", '    icp: ""', "    icp: 12345678")
    refused = cli(project, "guard")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[:2] == [
        "不能发布：mkdocs.yml 的 extra.footer.icp（ICP 备案号）「12345678」的写法不对，应照备案系统写，如 icp: 桂ICP备12345678号-1。",
        "不能发布：mkdocs.yml 的 extra.footer.police（公安机关备案号）没有填写，如 police: 桂公网安备 45010202000123号。",
    ]


def test_guard_refuses_an_as_of_still_to_come(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    edit(project, "mkdocs.yml", "# site_url: https://www.example.gov.cn/ldjs/", "site_url: https://gh.example.cn/ldjs/")
    edit(
        project,
        "mkdocs.yml",
        '    icp: ""\n    police: ""',
        "    icp: 桂ICP备12345678号-1\n    police: 桂公网安备 45010202000123号",
    )
    edit(project, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()  # in any time zone, after today in China
    edit(project, "site_data/2023/campaign.yml", "window:", f"as_of: {later}\nwindow:")
    refused = cli(project, "guard")
    assert refused.returncode == 1
    assert f"不能发布：统计日期 {later} 晚于今天" in refused.stderr
    edit(project, "site_data/2023/campaign.yml", f"as_of: {later}", "as_of: 2023-12-01")
    assert cli(project, "guard").returncode == 0


def test_guard_refuses_a_site_url_that_is_not_an_address(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    edit(project, "site_data/2023/campaign.yml", "sample: true", "sample: false")
    edit(project, "mkdocs.yml", "# site_url: https://www.example.gov.cn/ldjs/", "site_url: gh.example.cn/ldjs")
    refused = cli(project, "guard")
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        "不能发布：mkdocs.yml 的 site_url（网站地址）「gh.example.cn/ldjs」不是完整网址，应以 https:// 或 http:// 开头，"
        "如 site_url: https://www.example.gov.cn/ldjs/。"
    )


def test_check_warns_about_source_photos_with_gps(project: Path):
    phone_photo(project / "site_data/2023/people/nong-ceshi.jpg")
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 农测试\nsummary:")
    result = cli(project, "check")
    assert result.returncode == 0
    assert "提示：照片 site_data/2023/people/nong-ceshi.jpg 带有拍摄地点（GPS）" in result.stdout
