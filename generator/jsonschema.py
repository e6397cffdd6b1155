"""JSON Schema for every record kind, with Chinese titles and descriptions, for editors' tools.

VS Code's YAML extension reads these (see .vscode/settings.json) and gives completion, hover help
and red underlines while an editor types.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .guide import WHERE
from .kinds import KINDS, Kind
from .kinds.settings import Settings, national_settings
from .schema import fields_json
from .validate import read_settings

# Where each kind's files are, as globs for the editor (news front matter is inside Markdown).
GLOBS = {
    "settings": "site_data/settings.yml",
    "union": "site_data/unions/*.yml",
    "enterprise": "site_data/enterprises/*.yml",
    "campaign": "site_data/*/campaign.yml",
    "competition": "site_data/*/competitions/*.yml",
    "collective": "site_data/*/collectives/*.yml",
    "person": "site_data/*/people/*.yml",
    "innovation": "site_data/*/innovations/*.yml",
    "submission": "site_data/*/submissions/*.yml",
    "announcement": "site_data/*/announcements/*.yml",
    "calendar": "site_data/calendar/*.yml",
}


def with_terms(schema: Any, settings: Settings) -> Any:
    """The schema with the county's words put in where fields take them (`x-terms`, `x-term-keys`)."""
    if isinstance(schema, list):
        return [with_terms(item, settings) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: with_terms(value, settings) for key, value in schema.items() if key not in ("x-terms", "x-term-keys")}
    if "x-terms" in schema:
        out["enum"] = settings.terms(schema["x-terms"])
    if "x-term-keys" in schema:
        own = list(schema.get("properties", {}))  # a register row: its township, then a count per group
        out["propertyNames"] = {"enum": own + (settings.terms(f"{schema['x-term-keys']}.codes") or [])}
    return out


def kind_schema(kind: Kind, settings: Settings) -> dict[str, Any]:
    schema = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"{kind.name}.schema.json",
        "title": kind.label,
        "description": f"{kind.label}记录：{WHERE[kind.name]}。字段说明见 EDITING.md。",
        **fields_json(kind.fields),
    }
    worded: dict[str, Any] = with_terms(schema, settings)
    return worded


def schema_files(settings: Settings) -> dict[str, str]:
    """File name → content, for every kind, with the words of these settings."""
    return {
        f"{kind.name}.schema.json": json.dumps(kind_schema(kind, settings), ensure_ascii=False, indent=2) + "\n"
        for kind in KINDS.values()
    }


def vscode_settings() -> str:
    settings = {
        "yaml.schemas": {f"./schemas/{name}.schema.json": glob for name, glob in GLOBS.items()},
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "files.encoding": "utf8",
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def write_schemas(root: Path) -> list[Path]:
    """Write schemas/ and .vscode/settings.json for the project's settings (the national words while it
    has none that pass their checks); return the files written."""
    written = []
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    settings = read_settings(root / "site_data", root) or national_settings()
    for name, text in schema_files(settings).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    (root / ".vscode").mkdir(exist_ok=True)
    (root / ".vscode" / "settings.json").write_text(vscode_settings(), encoding="utf-8")
    written.append(root / ".vscode" / "settings.json")
    return written
