"""The live preview re-renders only what a change touched, and shows the same site as a fresh build."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from generator.plugin import CampaignPlugin
from generator.preview import RenderedPages, surroundings

from .conftest import REPO, edit

SERVE_URL = "http://127.0.0.1:8000/"


def test_a_page_is_reused_only_under_the_key_it_was_made_with():
    pages = RenderedPages()
    pages.begin({"a.md", "b.md"})
    assert pages.reuse("a.md", b"k1") is None  # never made: made now
    pages.made("a.md", "<html>A</html>", [{"location": "a/"}])
    pages.made("b.md", "<html>B</html>", [])  # not expected in this build: not kept
    pages.begin({"a.md", "b.md"})
    assert pages.reuse("a.md", b"k1") == ("<html>A</html>", [{"location": "a/"}]) and pages.reused == 1
    assert pages.reuse("b.md", b"k1") is None
    assert pages.reuse("a.md", b"k2") is None  # its source or surroundings changed
    pages.begin({"b.md"})
    assert pages.reuse("a.md", b"k1") is None  # a deleted record's page is forgotten


def test_surroundings_change_with_the_settings_the_navigation_and_the_theme(tmp_path: Path):
    theme = tmp_path / "theme"
    theme.mkdir()
    style = theme / "campaign.css"
    style.write_text("a {}", encoding="utf-8")
    first = surroundings({"cp": {"errors": []}}, "nav", None, [str(theme)])
    assert surroundings({"cp": {"errors": []}}, "nav", None, [str(theme)]) == first
    assert surroundings({"cp": {"errors": ["x.yml:3: …"]}}, "nav", None, [str(theme)]) != first
    assert surroundings({"cp": {"errors": []}}, "nav 2", None, [str(theme)]) != first
    style.write_text("a { color: red }", encoding="utf-8")
    assert surroundings({"cp": {"errors": []}}, "nav", None, [str(theme)]) != first


def _serve_build(project: Path, site: Path) -> CampaignPlugin:
    """One rebuild as `mkdocs serve` makes it: a fresh config, the plugin kept from the last one."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), site_url=SERVE_URL)
    build(config, serve_url=SERVE_URL)
    plugin = config.plugins["campaign"]
    assert isinstance(plugin, CampaignPlugin)
    return plugin


def _start(project: Path, command: str = "serve") -> None:
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command=command, dirty=False)


@pytest.fixture(autouse=True)
def _back_to_builds(project: Path):
    # MkDocs keeps one instance of the plugin per process: leave it building, as other tests expect.
    yield
    if (project / "mkdocs.yml").exists():
        _start(project, "build")


def _index(site: Path) -> list[tuple[str, str, str]]:
    docs = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    return sorted((d["location"], d["title"], d["text"]) for d in docs)


def _html(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


@pytest.fixture
def previewed(project: Path, tmp_path: Path) -> Path:
    """The fixture project with the repository's site settings, built once by a new preview."""
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    _start(project)
    _serve_build(project, tmp_path / "first")
    return project


def test_a_rebuild_reuses_unchanged_pages_and_shows_the_same_site_as_a_fresh_build(previewed: Path, tmp_path: Path):
    project = previewed
    edit(project, "site_data/2023/people/nong-ceshi.yml", "装配技能竞赛第一名。", "装配技能竞赛第一名，带出徒弟 6 名。")
    plugin = _serve_build(project, tmp_path / "rebuilt")
    assert plugin._kept is not None and plugin._kept.rendered.reused > 0
    rebuilt = _html(tmp_path / "rebuilt")
    assert "带出徒弟 6 名" in rebuilt["2023/people/nong-ceshi/index.html"]

    _start(project)  # a new preview: nothing kept
    _serve_build(project, tmp_path / "fresh")
    fresh = _html(tmp_path / "fresh")
    assert rebuilt.keys() == fresh.keys()
    assert [page for page in fresh if rebuilt[page] != fresh[page]] == []
    # Search finds the same pages, with the same text: the kept pages' entries were replayed.
    assert _index(tmp_path / "rebuilt") == _index(tmp_path / "fresh")


def test_a_change_below_the_title_and_description_shows_in_the_next_rebuild(previewed: Path, tmp_path: Path):
    """MkDocs is handed a record page's front matter only (its body comes back as HTML): the page's title and
    description stay the same here, and the rebuild must still see that the page changed."""
    project = previewed
    edit(project, "site_data/2023/people/nong-ceshi.yml", "post: 装配钳工", "post: 数控车工")
    _serve_build(project, tmp_path / "rebuilt")
    page = _html(tmp_path / "rebuilt")["2023/people/nong-ceshi/index.html"]
    assert "数控车工" in page and "装配钳工" not in page


def test_a_problem_banner_reaches_every_page_and_leaves_with_the_fix(previewed: Path, tmp_path: Path):
    project = previewed
    edit(project, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能手", "honour: 技术能人")
    _serve_build(project, tmp_path / "bad")
    pages = _html(tmp_path / "bad")
    assert all("cp-preview-errors" in html for html in pages.values() if re.search(r"<h1", html))
    assert "技术能人" in pages["2023/people/nong-ceshi/index.html"]
    edit(project, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能人", "honour: 技术能手")
    _serve_build(project, tmp_path / "fixed")
    assert not any("cp-preview-errors" in html for html in _html(tmp_path / "fixed").values())


def test_a_replaced_news_picture_shows_in_the_next_rebuild(previewed: Path, tmp_path: Path):
    """The preview keeps each news picture as published while its original is unchanged: a new picture
    under the same name must still show."""
    picture = previewed / "content/news/posts/2023-09-15-zhuangpei.jpg"
    published = sorted((tmp_path / "first").rglob("2023-09-15-zhuangpei.jpg"))[0].relative_to(tmp_path / "first")
    Image.new("RGB", (640, 480), (40, 40, 200)).save(picture, "JPEG")
    _serve_build(previewed, tmp_path / "second")
    with Image.open(tmp_path / "second" / published) as shown:
        red, _, blue = shown.convert("RGB").getpixel((10, 10))
    assert blue > red
    _serve_build(previewed, tmp_path / "third")  # unchanged since: the same bytes, from memory
    assert (tmp_path / "third" / published).read_bytes() == (tmp_path / "second" / published).read_bytes()


def test_a_replaced_photo_shows_in_the_next_rebuild(project: Path, tmp_path: Path):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    photo = project / "site_data/2023/people/nong-ceshi.jpg"
    Image.new("RGB", (640, 480), (200, 40, 40)).save(photo, "JPEG")
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 示意图\nsummary:")
    _start(project)
    _serve_build(project, tmp_path / "first")
    rendition = sorted((tmp_path / "first").rglob("nong-ceshi-*.jpg"))[0].relative_to(tmp_path / "first")
    Image.new("RGB", (640, 480), (40, 40, 200)).save(photo, "JPEG")  # another photo under the same name
    _serve_build(project, tmp_path / "second")
    before, after = (tmp_path / "first" / rendition).read_bytes(), (tmp_path / "second" / rendition).read_bytes()
    assert before != after
    with Image.open(tmp_path / "second" / rendition) as shown:
        red, _, blue = shown.convert("RGB").getpixel((10, 10))
    assert blue > red  # the new, blue photo
