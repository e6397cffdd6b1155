"""Nothing loads from a third party: no fonts, scripts, styles or images from another host."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tools.third_party import ALLOWED_IN_JS, scan_site, scan_text

from .conftest import REPO

pytestmark = pytest.mark.build  # every test here reads a whole built site


def test_the_built_site_loads_nothing_from_another_host(fixture_site: Path):
    assert scan_site(fixture_site) == []


def test_a_planted_third_party_script_is_caught(fixture_site: Path, tmp_path: Path):
    site = tmp_path / "site"
    shutil.copytree(fixture_site, site)
    page = site / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</head>", '<script src="https://cdn.example.com/x.js"></script></head>'),
        encoding="utf-8",
    )
    (site / "assets/stylesheets/extra.css").write_text(
        "@import url('https://fonts.googleapis.com/css?family=Roboto');", encoding="utf-8"
    )
    found = [(load.file, load.url) for load in scan_site(site)]
    assert found == [
        ("assets/stylesheets/extra.css", "https://fonts.googleapis.com/css?family=Roboto"),
        ("index.html", "https://cdn.example.com/x.js"),
    ]


def test_each_kind_of_load_is_recognised():
    html = (
        '<link rel="stylesheet" href="//cdn.example.com/a.css"><img srcset="a.jpg 1x, https://img.example.com/b.jpg 2x">'
        '<a href="https://example.org/">a link is not a load</a><div style="background:url(https://x.example.com/y.png)"></div>'
    )
    assert [load.url for load in scan_text("p.html", html)] == [
        "//cdn.example.com/a.css",
        "https://img.example.com/b.jpg",
        "https://x.example.com/y.png",
    ]
    assert [load.url for load in scan_text("a.js", 'import("https://esm.example.com/m.js")')] == ["https://esm.example.com/m.js"]
    # The site's own host is not a third party.
    assert scan_text("p.html", '<script src="https://jingsai.example.gov.cn/a.js"></script>', "jingsai.example.gov.cn") == []


def test_the_reasons_of_the_allow_list_hold(fixture_site: Path):
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "repo_url" not in config  # the GitHub API URLs are never called
    assert not any('class="mermaid"' in p.read_text(encoding="utf-8") for p in fixture_site.rglob("*.html"))
    assert all(reason for reason in ALLOWED_IN_JS.values())
