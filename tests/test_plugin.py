"""The MkDocs adapter: generated pages replace the plan source and stay out of the nav."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import InclusionLevel, get_files
from mkdocs.structure.pages import Page

from generator.plugin import CampaignPlugin, configured

from .conftest import REPO, build, edit


def test_plugin_adds_pages_drops_the_plan_source_and_watches_site_data(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["campaign"]
    assert isinstance(plugin, CampaignPlugin)
    config = config.plugins.on_config(config)
    plugin.on_pre_build(config=config)
    files = plugin.on_files(get_files(config), config=config)
    assert files.get_file_from_path("plans/2023.md") is None
    person = files.get_file_from_path("2023/people/nong-ceshi.md")
    assert person is not None and person.inclusion == InclusionLevel.NOT_IN_NAV
    front = person.content_string.split("---")[1]
    assert "title: 农测试（工人先锋岗）" in front and "description: 装配技能竞赛第一名。" in front
    # The body is HTML already: MkDocs gets the front matter to read, and the body back as the page's content.
    assert person.content_string.endswith("---\n\n")
    page = Page(None, person, config)
    page.read_source(config)
    assert plugin.on_page_markdown(page.markdown, page=page, config=config, files=files) == ""
    assert re.search(r"<h1[^>]*>农测试 ", plugin.on_page_content("", page=page, config=config, files=files))
    assert config.extra["cp"]["sample"] is True

    watched: dict[str, bool] = {}

    class Server:
        def watch(self, path: str, *, recursive: bool = True) -> None:
            watched[path] = recursive

    plugin.on_serve(Server(), config=config, builder=None)
    data = project / "site_data"
    assert watched[str(data / "2023")] is True and watched[str(data / "enterprises")] is True
    assert watched[str(data)] is False  # a year added meanwhile
    # The project's templates and styles, but not the 14,000 files of the installed Material, polled twice a second.
    assert watched[str(project / "theme")] is True
    assert not [path for path in watched if "site-packages" in path]


def test_a_preview_of_one_year_polls_only_its_records_and_the_shared_ones(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["campaign"]
    config = config.plugins.on_config(config)
    (project / "site_data" / "2022").mkdir()
    watched = dict(plugin._watched([2023]))
    data = project / "site_data"
    assert data / "2022" not in watched and watched[data / "2023"] is True and watched[data] is False
    assert dict(plugin._watched(None)) == {data: True}  # every year shown: everything watched


def test_build_date_is_tied_to_as_of_for_the_build_only(project: Path, monkeypatch):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    plugin = configured(str(project / "mkdocs.yml"), as_of="2023-07-01")  # as `build --as-of 2023-07-01` does
    try:
        config = load_config(str(project / "mkdocs.yml"))
        assert config.plugins["campaign"] is plugin
        config = config.plugins.on_config(config)
        plugin.on_pre_build(config=config)
        assert os.environ["SOURCE_DATE_EPOCH"] == "1688184000"  # 2023-07-01 12:00 in China
        assert plugin.site is not None and plugin.site.context["as_of"] == "2023-07-01"
        plugin.on_post_build(config=config)
        assert "SOURCE_DATE_EPOCH" not in os.environ
    finally:
        plugin.given = {}  # the process keeps this plugin: leave it as other tests expect


def test_as_of_written_in_mkdocs_yml_is_the_build_day_and_the_command_line_wins(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    edit(project, "mkdocs.yml", "  - campaign\n", "  - campaign:\n      as_of: 2023-08-15\n")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["campaign"]
    plugin.on_pre_build(config=config.plugins.on_config(config))
    assert plugin.site is not None and plugin.site.context["as_of"] == "2023-08-15"
    plugin.on_post_build(config=config)

    plugin = configured(str(project / "mkdocs.yml"), as_of="2023-09-01")
    try:
        config = load_config(str(project / "mkdocs.yml"))
        plugin.on_pre_build(config=config.plugins.on_config(config))
        assert plugin.site is not None and plugin.site.context["as_of"] == "2023-09-01"
        plugin.on_post_build(config=config)
    finally:
        plugin.given = {}


def test_live_preview_keeps_the_last_good_pages_and_shows_the_problems(project: Path, capsys):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["campaign"]
    plugin.on_startup(command="serve", dirty=False)
    config = config.plugins.on_config(config)
    plugin.on_pre_build(config=config)
    good = plugin.site
    edit(project, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能手", "honour: 技术能人")
    plugin.on_pre_build(config=config)
    assert plugin.site is good
    assert config.extra["cp"]["errors"][0].startswith(
        "site_data/2023/people/huang-ceshi.yml:5: honour: 「技术能人」不在允许范围内"
    )
    assert "共发现 1 处问题" in capsys.readouterr().err
    template = (REPO / "theme/main.html").read_text(encoding="utf-8")
    assert "config.extra.cp.errors" in template


def test_a_real_build_with_bad_records_still_fails(project: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    edit(project, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能手", "honour: 技术能人")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["campaign"]
    plugin.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    with pytest.raises(PluginError, match="技术能人"):
        plugin.on_pre_build(config=config)


def test_build_stops_without_jieba(project: Path, monkeypatch):
    """Without jieba Material would build a silently worse index: Chinese text left unsegmented."""
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    config = load_config(str(project / "mkdocs.yml"))
    monkeypatch.setitem(sys.modules, "jieba", None)  # import jieba now fails
    with pytest.raises(PluginError, match="中文搜索需要 jieba 分词"):
        config.plugins.on_config(config)


def _pages(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): re.sub(r"\n\s*\n", "\n", p.read_text(encoding="utf-8"))
        for p in sorted(site.rglob("*.html"))
    }


@pytest.mark.build
def test_html_pages_skip_the_markdown_parser_and_publish_the_same_site(project: Path, tmp_path: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    assert build(project, tmp_path / "direct").returncode == 0
    edit(project, "mkdocs.yml", "  - campaign\n", "  - campaign:\n      html_pages: false\n")
    assert build(project, tmp_path / "parsed").returncode == 0
    direct, parsed = _pages(tmp_path / "direct"), _pages(tmp_path / "parsed")
    assert direct.keys() == parsed.keys() and "2023/people/nong-ceshi/index.html" in direct
    assert [page for page in direct if direct[page] != parsed[page]] == []
    assert (tmp_path / "direct/search/search_index.json").read_bytes() == (
        tmp_path / "parsed/search/search_index.json"
    ).read_bytes()


@pytest.mark.parametrize(("command", "has_qr"), [("build", True), ("serve", False)])
def test_the_preview_makes_no_qr_codes_for_its_own_address(project: Path, command: str, has_qr: bool):
    """`mkdocs serve` swaps site_url for its local address: a QR code would lead to the editor's laptop."""
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    edit(project, "mkdocs.yml", "site_dir: site\n", "site_dir: site\nsite_url: https://example.org/zhuanti/\n")
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["campaign"]
    plugin.on_startup(command=command, dirty=False)
    config = config.plugins.on_config(config)
    plugin.on_pre_build(config=config)
    plugin.on_post_build(config=config)
    person = next(p for p in plugin.site.pages if p.src_uri == "2023/people/nong-ceshi.md")
    assert ("https://example.org/zhuanti/2023/people/nong-ceshi/" in person.body) is has_qr
    assert ('class="cp-qr"' in person.body) is has_qr
