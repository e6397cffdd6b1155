"""The command line as editors and CI call it: exit codes and the output formats CI turns into annotations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import cli, edit, product, write


def break_two(root: Path) -> None:
    edit(root, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能手", "honour: 技术能人")
    edit(root, "site_data/2023/competitions/zhuangpei.yml", "participants: 40", "participants: 很多")


def test_check_passes_on_good_records_and_notes_missing_consent(project: Path):
    result = cli(project, "check")
    assert result.returncode == 0
    # The fixture: fuwu, jieneng, wuxiao, zhuangpei; zhaji, zongzhuang; huang-, lu-, nong-ceshi; jiaju; two posts.
    assert result.stdout.startswith("检查通过。2023年：竞赛 4 项，先进集体 2 个，先进个人 3 名，创新成果 1 项，新闻 2 篇")
    assert "site_data/2023/people/huang-ceshi.yml" in result.stdout  # no consent recorded


def test_check_lists_every_problem_and_fails(project: Path):
    break_two(project)
    result = cli(project, "check")
    assert result.returncode == 1
    lines = result.stderr.strip().split("\n")
    assert lines[0].startswith("site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数")
    assert lines[1].startswith("site_data/2023/people/huang-ceshi.yml:5: honour: 「技术能人」不在允许范围内")
    assert lines[2] == "共发现 2 处问题，请按提示修改后重试。"


def test_github_annotations(project: Path):
    break_two(project)
    result = cli(project, "check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout.split("\n")[1].startswith(
        "::error file=site_data/2023/people/huang-ceshi.yml,line=5,title=honour::「技术能人」不在允许范围内"
    )


def test_gitlab_code_quality_report(project: Path):
    break_two(project)
    result = cli(project, "check", "--format", "gitlab")
    report = json.loads(result.stdout)
    assert [(r["location"]["path"], r["location"]["lines"]["begin"]) for r in report] == [
        ("site_data/2023/competitions/zhuangpei.yml", 14),
        ("site_data/2023/people/huang-ceshi.yml", 5),
    ]
    assert {r["severity"] for r in report} == {"major"} and len({r["fingerprint"] for r in report}) == 2


def test_json_output_and_empty_report_when_clean(project: Path):
    assert json.loads(cli(project, "check", "--format", "json").stdout) == []
    break_two(project)
    problems = json.loads(cli(project, "check", "--format", "json").stdout)
    assert problems[1] == {
        "file": "site_data/2023/people/huang-ceshi.yml",
        "line": 5,
        "field": "honour",
        "message": "「技术能人」不在允许范围内。是不是想写「技术能手」？可选：工人先锋岗、技术能手、先进个人、创新能手、安全生产标兵、岗位练兵能手。"
        "这个列表是本地设置的个人荣誉（person_honours）：确实需要新的一项，请加在 site_data/settings.yml 里。",
    }


@pytest.mark.build
def test_a_build_checks_the_records_once_and_its_office_report_is_the_office_commands(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import generator.pipeline
    from generator.cli import main

    product(project)
    checks: list[Path] = []
    real = generator.pipeline.load_dataset

    def counted(data_dir: Path, *args: Any) -> Any:
        checks.append(data_dir)
        return real(data_dir, *args)

    monkeypatch.setattr(generator.pipeline, "load_dataset", counted)
    site, office = tmp_path / "site", tmp_path / "office"
    args = ["--root", str(project), "build", "--site-dir", str(site), "--office-dir", str(office), "--as-of", "2023-11-02"]
    assert main(args) == 0
    assert checks == [project / "site_data"]  # the site's build checked them; the office report reused that
    assert "数据截至 2023年11月2日" in (site / "index.html").read_text(encoding="utf-8")  # the day given reached the pages

    alone = tmp_path / "office-alone"
    assert main(["--root", str(project), "office", "--office-dir", str(alone), "--as-of", "2023-11-02"]) == 0

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    assert "index.html" in files(office) and files(office) == files(alone)


def test_check_finds_what_content_may_not_publish_as_the_build_does(project: Path):
    write(project, "content/名单.md", "# 内部名单\n")
    write(project, "content/about.md", "# 关于\n")
    result = cli(project, "check")
    assert result.returncode == 1
    assert "content/名单.md" in result.stderr and "content/about.md" in result.stderr
    # A page the navigation names may be there.
    (project / "content/名单.md").unlink()
    write(
        project,
        "mkdocs.yml",
        "site_name: x\nnav:\n  - 关于: about.md\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    )
    result = cli(project, "check")
    assert result.returncode == 0, result.stderr
