"""The form editor's configuration (Decap CMS `config.yml`), made from the kind declarations.

Every record kind becomes a collection and every declared field a form field, with its Chinese label,
its help as the hint, whether it is required, its pattern, and the county's words as select lists, so
that the editor can never drift from what `check` accepts. Per-year kinds get one collection per
campaign year (`people_2023`: 先进个人（2023年）); the settings and each year's campaign record are file
collections. References to competitions, people and unions are relation pickers. References to a unit
(`enterprise` or `enterprise/unit`) are a select of the registered units: Decap's relation widget can
store a list item's own id (`units.*.id`) but not the pair our references are. Photos upload into
the record's own folder (`media_folder: ""`), as the guide asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .fieldtypes import (
    Boolean,
    Choice,
    Date,
    Integer,
    ListOf,
    Markdown,
    Number,
    Object,
    Picture,
    Ref,
    Term,
    TermMap,
    Text,
    YearMap,
)
from .kinds import KINDS, Kind
from .kinds.settings import Settings, national_settings
from .schema import Field, FieldType
from .validate import read_settings

YEAR_FOLDER = re.compile(r"^20[0-9]{2}$")


@dataclass(frozen=True)
class Context:
    """What the fields of one collection are made with: the county's words, the year of the
    collection (for references to that year's records), the units and the campaign's years."""

    settings: Settings
    year: int | None
    units: list[dict[str, str]]
    unions: list[dict[str, str]]
    years: list[int]


def campaign_years(data_dir: Path) -> list[int]:
    """The campaign's years: the folders of site_data/ that hold a campaign.yml, newest first."""
    found = [int(p.name) for p in data_dir.iterdir() if YEAR_FOLDER.match(p.name) and (p / "campaign.yml").is_file()]
    return sorted(found, reverse=True)


def _records(folder: Path) -> Iterator[dict[str, Any]]:
    """The records of a folder that have an id, read leniently: a file that does not parse is left
    out (`check` reports it, and the editor is how an editor fixes it)."""
    for path in sorted(folder.glob("*.yml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError, OSError):
            continue
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            yield data


def unit_options(data_dir: Path) -> list[dict[str, str]]:
    """Every registered unit as a select option: an enterprise, and each of its 车间/班组 after it."""
    options = []
    for data in _records(data_dir / "enterprises"):
        name = str(data.get("name") or data["id"])
        options.append({"label": f"{name}（{data['id']}）", "value": data["id"]})
        for unit in data.get("units") or []:
            if isinstance(unit, dict) and isinstance(unit.get("id"), str):
                options.append({"label": f"{name} / {unit.get('name') or unit['id']}", "value": f"{data['id']}/{unit['id']}"})
    return options


def union_options(data_dir: Path) -> list[dict[str, str]]:
    return [{"label": f"{data.get('name') or data['id']}（工会）", "value": data["id"]} for data in _records(data_dir / "unions")]


def _pattern(kind: Text) -> list[str]:
    if kind.pattern is not None:
        return [kind.pattern.pattern, f"写法不对，应写成如「{kind.example}」的形式。"]
    return [rf"^[\s\S]{{0,{kind.max_length}}}$", f"最多 {kind.max_length} 字。"]


# The records a reference may pick, as relation pickers: the collection (per year or not) and the field shown.
RELATIONS = {
    "competition": ("competitions", True, "title"),
    "person": ("people", True, "name"),
    "union": ("unions", False, "name"),
}


def _relation(target: str, ctx: Context) -> dict[str, Any] | None:
    if target not in RELATIONS:
        return None
    folder, per_year, shown = RELATIONS[target]
    if per_year and ctx.year is None:
        return None
    collection = f"{folder}_{ctx.year}" if per_year else folder
    return {
        "widget": "relation",
        "collection": collection,
        "value_field": "id",
        "search_fields": [shown, "id"],
        "display_fields": [shown],
    }


def widget(kind: FieldType, ctx: Context) -> dict[str, Any]:
    """The Decap widget (and its options) for values of one declared type."""
    if isinstance(kind, Ref):
        relation = _relation(kind.target, ctx)
        if relation is not None:
            return relation
        # An organiser is a union, an enterprise or one of its units.
        options = [*ctx.unions, *ctx.units] if kind.target == "organiser" else ctx.units
        return {"widget": "select", "options": options}
    if isinstance(kind, Markdown):
        return {"widget": "text"}  # Markdown as the editor types it: the rich editor rewrites it
    if isinstance(kind, Text):  # Identifier included
        return {"widget": "string", "pattern": _pattern(kind)}
    if isinstance(kind, Choice):
        return {"widget": "select", "options": list(kind.values)}
    if isinstance(kind, Term):
        return {"widget": "select", "options": ctx.settings.terms(kind.terms) or []}
    if isinstance(kind, Date):
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    if isinstance(kind, Integer):
        return {"widget": "number", "value_type": "int", "min": kind.minimum}
    if isinstance(kind, Number):
        return {"widget": "number", "value_type": "float"}
    if isinstance(kind, Boolean):
        return {"widget": "boolean"}
    if isinstance(kind, ListOf):
        return _list(kind, ctx)
    if isinstance(kind, TermMap):
        codes = ctx.settings.terms(f"{kind.terms}.codes") or []
        names = ctx.settings.terms(kind.terms) or codes
        return {
            "widget": "object",
            "fields": [
                {"name": code, "label": name, "required": False, **widget(kind.item, ctx)}
                for code, name in zip(codes, names, strict=False)
            ],
        }
    if isinstance(kind, Object):
        fields = [form_field(f, ctx) for f in kind.fields]
        if kind.more is not None:
            fields += widget(kind.more[1], ctx)["fields"]
        return {"widget": "object", "fields": fields}
    if isinstance(kind, YearMap):
        # Facts by year: one group of fields for each of the campaign's years.
        item = widget(kind.item, ctx)
        return {
            "widget": "object",
            "fields": [{"name": str(year), "label": f"{year}年", "required": False, **item} for year in ctx.years],
        }
    raise TypeError(f"no form widget for {type(kind).__name__}")


def _list(kind: ListOf, ctx: Context) -> dict[str, Any]:
    item = widget(kind.item, ctx)
    if item["widget"] in ("relation", "select") and not isinstance(kind.item, Object):
        out = {**item, "multiple": True}
        if kind.min_items:
            out["min"] = kind.min_items
        return out
    out = {"widget": "list", "min": kind.min_items} if kind.min_items else {"widget": "list"}
    if item["widget"] == "object":
        out["fields"] = item["fields"]
    else:
        out["field"] = {"name": "item", "label": "一项", **item}
    return out


def form_field(f: Field, ctx: Context) -> dict[str, Any]:
    """One declared field as a form field: Chinese label, help as hint, required, its widget."""
    out: dict[str, Any] = {"name": f.name, "label": f.label, "hint": f.help, "required": f.required}
    if isinstance(f.type, Picture):
        out.update({"widget": "image", "choose_url": False})
        return out
    out.update(widget(f.type, ctx))
    if not f.required:
        out.pop("min", None)  # a list that may be left out may be left empty: the check says the rest
    return out


def _folder_collection(kind: Kind, ctx: Context, folder: str, name: str, label: str) -> dict[str, Any]:
    news = kind.front_matter
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "label_singular": kind.label,
        "folder": folder,
        "create": True,
        "delete": False,  # a record leaves the site by `state: 撤回`, which keeps its history and old links
        "extension": "md" if news else "yml",
        "format": "frontmatter" if news else "yml",
        "identifier_field": kind.key,
        "slug": "{{year}}-{{month}}-{{day}}-{{slug}}" if news else "{{slug}}",
        "summary": "{{" + kind.title_field + "}}",
        "fields": [form_field(f, ctx) for f in kind.fields],
    }
    if any(isinstance(f.type, Picture) for f in kind.fields):
        collection.update({"media_folder": "", "public_folder": ""})  # photos beside the record, as the guide says
    if news:
        collection["fields"].append(
            {"name": "body", "label": "正文", "widget": "markdown", "hint": "新闻正文。第一段显示在列表里。"}
        )
    return collection


def collections(data_dir: Path, settings: Settings) -> list[dict[str, Any]]:
    """Every collection of the editor: the settings, each year's campaign and records, the shared records."""
    years = campaign_years(data_dir)
    units, unions = unit_options(data_dir), union_options(data_dir)
    shared = Context(settings, None, units, unions, years)
    out: list[dict[str, Any]] = [
        {
            "name": "settings",
            "label": KINDS["settings"].label,
            "editor": {"preview": False},
            "files": [
                {
                    "name": "settings",
                    "label": "本地设置（settings.yml）",
                    "file": "site_data/settings.yml",
                    "fields": [form_field(f, shared) for f in KINDS["settings"].fields],
                }
            ],
        },
        {
            "name": "campaign",
            "label": KINDS["campaign"].label,
            "editor": {"preview": False},
            "files": [
                {
                    "name": str(year),
                    "label": f"{year}年度竞赛（campaign.yml）",
                    "file": f"site_data/{year}/campaign.yml",
                    "media_folder": "",  # the banner beside the record, as the guide says
                    "public_folder": "",
                    "fields": [form_field(f, Context(settings, year, units, unions, years)) for f in KINDS["campaign"].fields],
                }
                for year in years
            ],
        },
    ]
    # The kinds of a folder of records an editor may add to from the form; the others (the settings, a
    # year's campaign) are one file each, made by `init` and `new-year`.
    folders = [kind for kind in KINDS.values() if not kind.file]
    for year in years:
        ctx = Context(settings, year, units, unions, years)
        for kind in folders:
            if kind.per_year:
                folder = _folder(kind, year)
                out.append(_folder_collection(kind, ctx, folder, f"{kind.folder}_{year}", f"{kind.label}（{year}年）"))
    for kind in folders:
        if not kind.per_year:
            out.append(_folder_collection(kind, shared, _folder(kind, 0), kind.folder.replace("/", "_"), kind.label))
    for collection in out:
        collection.setdefault("editor", {"preview": False})
    return out


def _folder(kind: Kind, year: int) -> str:
    """A kind's folder for `year`, as the editor's config names it (from the project's root)."""
    return kind.path(Path("site_data"), Path("content"), year, "x").parent.as_posix()


def local_backend(proxy_url: str) -> dict[str, Any]:
    """The backend of `make edit`: our own proxy, writing to the working tree."""
    return {"name": "proxy", "proxy_url": proxy_url, "branch": "main"}


# The backends that turn an edit into a merge (pull) request: Decap's `gitea` backend commits straight
# to the branch (no editorial workflow); `forgejo` (Forgejo, and Gitea's fork) and `gitlab` have it.
EDITORIAL_BACKENDS = ("gitlab", "forgejo")


def team_backend(kind: str, repo: str, base_url: str, branch: str = "main", app_id: str = "") -> dict[str, Any]:
    """A self-hosted GitLab, Forgejo or Gitea that the union runs (inside mainland China).

    >>> team_backend("gitlab", "zgh/jingsai", "https://git.example.cn")["api_root"]
    'https://git.example.cn/api/v4'
    """
    if kind == "gitlab":
        backend = {"name": "gitlab", "repo": repo, "branch": branch, "base_url": base_url, "api_root": f"{base_url}/api/v4"}
        if app_id:
            backend.update({"auth_type": "pkce", "app_id": app_id})
        return backend
    if kind in ("gitea", "forgejo"):
        backend = {"name": kind, "repo": repo, "branch": branch, "base_url": base_url, "api_root": f"{base_url}/api/v1"}
        if app_id:
            backend["app_id"] = app_id
        return backend
    raise ValueError(kind)


def cms_config(root: Path, backend: dict[str, Any], editorial: bool = False, site_url: str = "") -> dict[str, Any]:
    """The whole config.yml for the project at `root`, with its county's words and its years."""
    data_dir = root / "site_data"
    settings = read_settings(data_dir, root) or national_settings()
    config: dict[str, Any] = {
        "locale": "zh_Hans",
        "backend": backend,
        **({"publish_mode": "editorial_workflow"} if editorial else {}),
        "media_folder": "site_data/uploads",  # unused: every collection with photos keeps them beside its records
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections(data_dir, settings),
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def config_text(config: dict[str, Any]) -> str:
    head = "# 表单编辑器（Decap CMS）的配置：由 python -m generator cms 按字段定义生成，不要手改。\n"
    return head + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


# The editor's page, locally and on the site: the bundle and the configuration beside it, from our own origin.
ADMIN_INDEX = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>表单编辑器{title}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="decap-cms.js"></script>{scripts}
</body>
</html>
"""


def publish_editor(folder: Path, dist: Path, config: dict[str, Any]) -> list[Path]:
    """The editor for a team, served from our own site (e.g. site/admin/): its page, its configuration and
    Decap's bundle (without source maps), never from a CDN. Only when the union opts in."""
    if not (dist / "decap-cms.js").is_file():
        raise FileNotFoundError(dist / "decap-cms.js")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    # decap-cms.js, the chunks it loads (NNNN.decap-cms.js) and its WebAssembly; cms.js is the same again.
    for source in sorted(dist.iterdir()):
        if source.is_file() and (source.name.endswith("decap-cms.js") or source.suffix == ".wasm"):
            (folder / source.name).write_bytes(source.read_bytes())
            written.append(folder / source.name)
    (folder / "index.html").write_text(ADMIN_INDEX.format(title="", scripts=""), encoding="utf-8")
    (folder / "config.yml").write_text(config_text(config), encoding="utf-8")
    return [*written, folder / "index.html", folder / "config.yml"]
