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
from .schema import fields_json

# Where each kind's files are, as globs for the editor (news front matter is inside Markdown).
GLOBS = {
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


def kind_schema(kind: Kind) -> dict[str, Any]:
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"{kind.name}.schema.json",
        "title": kind.label,
        "description": f"{kind.label}记录：{WHERE[kind.name]}。字段说明见 EDITING.md。",
        **fields_json(kind.fields),
    }


def schema_files() -> dict[str, str]:
    """File name → content, for every kind."""
    return {
        f"{kind.name}.schema.json": json.dumps(kind_schema(kind), ensure_ascii=False, indent=2) + "\n" for kind in KINDS.values()
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
    """Write schemas/ and .vscode/settings.json; return the files written."""
    written = []
    folder = root / "schemas"
    folder.mkdir(exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    (root / ".vscode").mkdir(exist_ok=True)
    (root / ".vscode" / "settings.json").write_text(vscode_settings(), encoding="utf-8")
    written.append(root / ".vscode" / "settings.json")
    return written
