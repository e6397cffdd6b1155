"""The one module that relies on Material's internals: it refuses a Material it was not written for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from generator import material

from .conftest import REPO


def test_the_installed_material_is_one_the_mends_were_written_for():
    material.check_version(material.installed_version())


@pytest.mark.parametrize("version", ["9.7.6", "9.9.0", "10.0.0", "9.8.0rc1", "not-a-version", None])
def test_another_material_stops_with_a_message_in_chinese_and_english(version: str | None):
    with pytest.raises(material.MaterialMismatch) as stopped:
        material.check_version(version)
    message = str(stopped.value)
    shown = version or "（未安装）"
    assert f"已安装的 Material for MkDocs 版本是 {shown}，本生成器只适用于 9.8.x 版本" in message
    assert "pip install -r requirements.txt" in message
    assert "was written for mkdocs-material 9.8.x" in message and "generator/material.py" in message


def test_a_build_on_another_material_stops_before_anything_is_built(project: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    monkeypatch.setattr(material, "installed_version", lambda: "10.1.0")  # the version a later Material reports
    config = load_config(str(project / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"已安装的 Material for MkDocs 版本是 10\.1\.0"):
        config.plugins.on_config(config)


def test_the_filters_patch_what_material_renders():
    header = '<div class="md-search" data-md-component="search" role="dialog">'
    assert material.name_search_dialog(header) == (
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索">'
    )
    scripts = '<script src="a.js"></script>\n<script src="b.js"></script>'
    assert material.defer_scripts(scripts) == '<script defer src="a.js"></script>\n<script defer src="b.js"></script>'
    config = material.with_search_worker('<script id="__config">{}</script>', "../assets/javascripts/workers/search-mended.js")
    assert 'config.search = "../assets/javascripts/workers/search-mended.js?material=" + config.search' in config


def test_a_title_and_description_reach_materials_head_escaped():
    meta = {"title": "张三</title><script>", "description": "A & B", "search": {"boost": 2}}
    material.escape_page_meta(meta)
    assert meta == {"title": "张三&lt;/title&gt;&lt;script&gt;", "description": "A &amp; B", "search": {"boost": 2}}


@pytest.mark.build
def test_the_published_site_runs_search_through_the_mending_worker(fixture_site: Path):
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/workers/search.' in home  # Material's own worker, as Material names it
    assert 'config.search = "assets/javascripts/workers/search-mended.js?material="' in home
    worker = (fixture_site / material.WORKER_URI).read_text(encoding="utf-8")
    assert "var QUERY = 2;" in worker and "importScripts(material);" in worker
