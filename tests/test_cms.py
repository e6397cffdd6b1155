"""The form editor: its configuration follows the declarations, and our proxy speaks Decap's local API.

The browser tests run the real Decap CMS bundle (tools/cms, `make cms`) in Debian's headless Chromium
through our proxy; skipped where Chromium or the bundle is missing, except under CI, where that fails.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cms import cms_config, local_backend, team_backend
from generator.editor import Repository, check_saved, default_dist, editor_server, handle
from generator.fieldtypes import Choice, ListOf, Object, Ref, Term, Text, YearMap
from generator.kinds import KINDS
from generator.schema import Field
from generator.validate import read_settings

from .conftest import BUILD_ENV, FIXTURE, REPO, cli, command, edit, run
from .test_images import portrait_with_a_head


def config() -> dict[str, Any]:
    return cms_config(FIXTURE, local_backend("http://127.0.0.1:8081/api/v1"))


def fields_of(collection: dict[str, Any]) -> list[dict[str, Any]]:
    return collection["fields"] if "fields" in collection else collection["files"][0]["fields"]


def assert_follows(declared: list[Field], made: list[dict[str, Any]], words: Any, where: str) -> None:
    """Every declared field is a form field with its name, label, help and requiredness, in order;
    its choices are the county's words, its pattern the declared one; groups and lists likewise."""
    assert [m["name"] for m in made] == [f.name for f in declared], where
    for f, m in zip(declared, made, strict=True):
        at = f"{where}.{f.name}"
        assert (m["label"], m["hint"], m["required"]) == (f.label, f.help, f.required), at
        kind = f.type.item if isinstance(f.type, ListOf) else f.type
        if isinstance(kind, Term):
            assert m["widget"] == "select" and m["options"] == words.terms(kind.terms), at
        elif isinstance(kind, Choice):
            assert m["options"] == kind.values, at
        elif isinstance(kind, Ref):
            assert m["widget"] in ("relation", "select"), at
        elif isinstance(kind, Text) and kind.pattern is not None and m["widget"] == "string":
            assert m["pattern"][0] == kind.pattern.pattern, at
        if isinstance(kind, Object):
            inner = m["fields"][: len(kind.fields)]
            assert_follows(kind.fields, inner, words, at)
        if isinstance(kind, YearMap):
            for year_group in m["fields"]:
                assert_follows(kind.item.fields, year_group["fields"][: len(kind.item.fields)], words, at)


def test_the_configuration_follows_the_declarations():
    made = config()
    words = read_settings(FIXTURE / "site_data", FIXTURE)
    by_name = {c["name"]: c for c in made["collections"]}
    assert made["locale"] == "zh_Hans"
    # Per-year kinds: a collection for each campaign year; the settings and each campaign.yml: files.
    for name in ("competition", "collective", "person", "innovation", "submission", "announcement"):
        kind = KINDS[name]
        collection = by_name[f"{kind.folder}_2023"]
        assert collection["folder"] == f"site_data/2023/{kind.folder}"
        assert_follows(kind.fields, fields_of(collection), words, collection["name"])
    for name in ("union", "enterprise", "calendar"):
        assert_follows(KINDS[name].fields, fields_of(by_name[KINDS[name].folder]), words, name)
    news = by_name["news_posts"]
    assert (news["folder"], news["format"], news["extension"]) == ("content/news/posts", "frontmatter", "md")
    assert_follows(KINDS["news"].fields, news["fields"][:-1], words, "news")
    assert by_name["settings"]["files"][0]["file"] == "site_data/settings.yml"
    assert_follows(KINDS["settings"].fields, fields_of(by_name["settings"]), words, "settings")
    assert [f["file"] for f in by_name["campaign"]["files"]] == ["site_data/2023/campaign.yml"]
    assert_follows(KINDS["campaign"].fields, fields_of(by_name["campaign"]), words, "campaign")
    # Relations point at collections that exist; photos upload beside the record.
    people = by_name["people_2023"]
    competitions = next(f for f in people["fields"] if f["name"] == "competitions")
    assert (competitions["widget"], competitions["collection"], competitions["multiple"]) == (
        "relation",
        "competitions_2023",
        True,
    )
    photo = next(f for f in people["fields"] if f["name"] == "photo")
    assert photo["widget"] == "image" and people["media_folder"] == "" and people["public_folder"] == ""
    unit = next(f for f in people["fields"] if f["name"] == "unit")
    assert {"label": "测试配件有限公司 / 总装车间", "value": "peijian/zongzhuang"} in unit["options"]
    # The years of an enterprise's facts are the campaign's years.
    years = next(f for f in by_name["enterprises"]["fields"] if f["name"] == "years")
    assert [f["name"] for f in years["fields"]] == ["2023"]


def team(*extra: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    args = ["cms", "--repo", "zgh/jingsai", "--base-url", "https://git.example.cn", *extra]
    return run(command(FIXTURE, *args), env=env)


def test_the_team_configuration_makes_every_edit_a_merge_request(tmp_path: Path):
    result = team("--backend", "gitlab", "--out", str(tmp_path / "c.yml"))
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((tmp_path / "c.yml").read_text(encoding="utf-8"))
    assert written["publish_mode"] == "editorial_workflow"
    assert written["backend"] == team_backend("gitlab", "zgh/jingsai", "https://git.example.cn")
    assert written["backend"]["api_root"] == "https://git.example.cn/api/v4"
    assert written["collections"] == cms_config(FIXTURE, written["backend"], editorial=True)["collections"]


def test_gitea_commits_directly_and_says_so(tmp_path: Path):
    result = team("--backend", "gitea", "--out", str(tmp_path / "c.yml"))
    assert result.returncode == 0 and "不支持“先提合并请求再合并”" in result.stdout
    assert "publish_mode" not in yaml.safe_load((tmp_path / "c.yml").read_text(encoding="utf-8"))


def test_the_editor_published_with_the_site_loads_nothing_from_elsewhere(tmp_path: Path):
    _bundle_or_skip()
    folder = tmp_path / "site" / "admin"
    # The bundle is the project's own tools/cms, as `make cms` installs it.
    result = team("--backend", "gitlab", "--into", str(folder), env={**BUILD_ENV, "CAMPAIGN_CMS_DIST": str(DIST)})
    assert result.returncode == 0, result.stderr
    names = {p.name for p in folder.iterdir()}
    assert {"index.html", "config.yml", "decap-cms.js"} <= names
    assert not any(name.endswith(".map") for name in names)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "http" not in page  # the bundle and the configuration come from our own site, never a CDN


@pytest.mark.parametrize(
    "path", ["../outside.yml", "/etc/passwd", "mkdocs.yml", ".git/config", "generator/cli.py", "site_data/../Makefile"]
)
def test_the_proxy_refuses_paths_outside_the_records(project: Path, path: str):
    with editor_server(project) as admin:
        for action, params in (
            ("getEntry", {"path": path}),
            ("persistEntry", {"entry": {"path": path, "raw": "x"}, "assets": []}),
            ("persistMedia", {"asset": {"path": path, "content": "eA==", "encoding": "base64"}}),
            ("deleteFile", {"path": path}),
        ):
            request = urllib.request.Request(
                admin.replace("/admin/", "/api/v1"), json.dumps({"action": action, "params": params}).encode(), method="POST"
            )
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(request, timeout=10)
            assert refused.value.code == 403
            assert "只能改 site_data/ 和 content/" in json.loads(refused.value.read())["error"]
    assert not (project.parent / "outside.yml").exists()


def test_the_proxy_lists_reads_and_writes_records_and_photos(project: Path):
    repo = Repository(project)
    listed = handle(repo, "entriesByFolder", {"folder": "site_data/2023/people", "extension": "yml", "depth": 1})
    assert [e["file"]["path"] for e in listed] == [
        "site_data/2023/people/huang-ceshi.yml",
        "site_data/2023/people/lu-ceshi.yml",
        "site_data/2023/people/nong-ceshi.yml",
    ]
    assert listed[0]["data"].startswith("id: huang-ceshi\nname: 黄测试")
    text = listed[0]["data"].replace("post: 压榨工", "post: 压榨班长")
    photo = base64.b64encode(b"\xff\xd8\xff").decode()
    handle(
        repo,
        "persistEntry",
        {
            "entry": {"path": "site_data/2023/people/huang-ceshi.yml", "raw": text, "slug": "huang-ceshi"},
            "assets": [{"path": "site_data/2023/people/huang.jpg", "content": photo, "encoding": "base64"}],
            "options": {"commitMessage": "x"},
        },
    )
    assert (project / "site_data/2023/people/huang-ceshi.yml").read_text(encoding="utf-8") == text
    media = handle(repo, "getMedia", {"mediaFolder": "site_data/2023/people"})
    # Photos only (the one just written and the fixture's), not the records beside them.
    assert [m["name"] for m in media] == ["huang.jpg", "lu-ceshi.jpg"]
    assert handle(repo, "getEntry", {"path": "site_data/2023/people/nobody.yml"})["data"] is None


# --- the real bundle in a real browser -----------------------------------------------------------

DIST = default_dist(REPO)


def _bundle_or_skip(browser: bool = False) -> None:
    from tools.browser import chromium_path

    missing = []
    if browser and chromium_path() is None:
        missing.append("Chromium (apt-get install chromium fonts-noto-cjk)")
    if not (DIST / "decap-cms.js").is_file():
        missing.append("the Decap CMS bundle (make cms, with Node and npm)")
    if missing:
        if os.environ.get("CI"):
            pytest.fail("CI is set but the form editor cannot be tested: missing " + " and ".join(missing))
        pytest.skip("missing " + " and ".join(missing))


@pytest.fixture
def chromium(chromium: Any) -> Any:
    """The session's shared browser, once the editor's bundle is known to be there."""
    _bundle_or_skip(browser=True)
    return chromium


def open_record(chromium: Any, admin: str, path: str) -> Any:
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(admin)
    page.get_by_role("button", name="登录").click()
    page.goto(admin + "#/collections/" + path)
    page.get_by_label("岗位", exact=True).wait_for(timeout=60_000)
    return page


def publish(page: Any) -> None:
    page.get_by_role("button", name="发布").first.click()
    page.get_by_text("立即发布").click()
    page.get_by_text("已发布").first.wait_for(timeout=30_000)


@pytest.mark.browser
def test_editing_a_person_in_the_form_changes_one_line_and_passes_the_check(chromium: Any, project: Path):
    record = project / "site_data/2023/people/nong-ceshi.yml"
    before = record.read_text(encoding="utf-8")
    with editor_server(project, dist=DIST) as admin:
        page = open_record(chromium, admin, "people_2023/entries/nong-ceshi")
        assert page.get_by_text("正在集合“先进个人（2023年）”中编写").is_visible()  # the interface is Chinese
        page.get_by_label("岗位", exact=True).fill("装配组长")
        publish(page)
        page.close()
    # What the CMS wrote is the record as it was, key order, dates and lists included, but for the one field.
    assert record.read_text(encoding="utf-8") == before.replace("post: 装配钳工", "post: 装配组长")
    result = cli(project, "check")
    assert result.returncode == 0, result.stderr


@pytest.mark.browser
def test_a_new_person_with_a_photo_made_in_the_form(chromium: Any, project: Path, tmp_path: Path):
    photo = tmp_path / "zhang.jpg"
    portrait_with_a_head(photo)
    with editor_server(project, dist=DIST) as admin:
        page = open_record(chromium, admin, "people_2023/new")
        page.get_by_label("编号").fill("zhang-ceshi")
        page.get_by_label("姓名").fill("张测试")
        page.get_by_label("所在单位").click()
        page.get_by_text("测试配件有限公司 / 焊接班", exact=True).click()  # units are picked, not typed
        page.get_by_label("岗位", exact=True).fill("焊工")
        page.get_by_label("荣誉", exact=True).click()
        page.get_by_text("技术能手", exact=True).click()
        page.get_by_role("button", name="选择图片").click()
        page.set_input_files("input[type=file]", str(photo))
        page.get_by_role("button", name="选用已选中项目").click()
        page.get_by_label("照片说明").fill("张测试在焊接")
        page.get_by_label("一句话简介").fill("焊接能手。")
        page.locator("input[type=date]").last.fill("2023-12-01")  # 本人同意日期
        page.get_by_label("状态").click()
        page.get_by_text("草稿", exact=True).last.click()
        publish(page)
        page.close()
    folder = project / "site_data/2023/people"
    assert (folder / "zhang.jpg").read_bytes() == photo.read_bytes()  # the photo lands beside the record
    assert (folder / "zhang-ceshi.yml").read_text(encoding="utf-8") == (
        "id: zhang-ceshi\nname: 张测试\nunit: peijian/hanjie\npost: 焊工\nhonour: 技术能手\nphoto: zhang.jpg\n"
        "photo_alt: 张测试在焊接\nsummary: 焊接能手。\nstate: 草稿\nconsent: 2023-12-01\n"
    )
    result = cli(project, "check")
    assert result.returncode == 0, result.stderr


def test_after_a_save_the_check_names_what_is_wrong_in_the_saved_record(project: Path):
    path = "site_data/2023/people/nong-ceshi.yml"
    assert check_saved(project, path) == {"problems": [], "others": 0}
    edit(project, path, "post: 装配钳工", "post: 装配钳工，电话 13912345678")
    edit(project, "site_data/2023/people/huang-ceshi.yml", "honour: 技术能手", "honour: 技术能人")
    result = check_saved(project, path)
    assert [(p["line"], p["field"]) for p in result["problems"]] == [(4, "post")]
    assert "网站不得公开个人手机号" in result["problems"][0]["message"]
    assert result["others"] == 1  # the other record's mistake is counted, not listed here


@pytest.mark.browser
def test_saving_a_record_with_a_mistake_shows_it_in_the_editor(chromium: Any, project: Path):
    with editor_server(project, dist=DIST) as admin:
        page = open_record(chromium, admin, "people_2023/entries/nong-ceshi")
        page.get_by_label("岗位", exact=True).fill("装配钳工，电话 13912345678")
        publish(page)
        alert = page.get_by_role("alert").filter(has_text="已保存，但检查发现 1 处问题")
        alert.wait_for(timeout=60_000)
        assert "第 4 行「post」：" in alert.inner_text()
        alert.get_by_role("button", name="关闭").click()
        assert page.locator("#cp-check").count() == 0
        page.close()
        page = open_record(chromium, admin, "people_2023/entries/nong-ceshi")
        page.get_by_label("岗位", exact=True).fill("装配组长")
        publish(page)
        page.get_by_role("status").filter(has_text="已保存，检查通过").wait_for(timeout=60_000)
        page.close()
