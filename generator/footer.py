"""The marks a site published in mainland China shows in its footer: its ICP 备案号 and its
public-security 备案号 (`extra.footer` in mkdocs.yml), which `guard` requires before publishing.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

ICP = re.compile(r"^\S{1,4}ICP备\d{6,10}号(?:-\d+)?$")
POLICE = re.compile(r"^\S{1,4}公网安备\s?\d{10,16}号$")


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: the Python tags it may hold (a slugify function) are read as nothing."""


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def project_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (empty when the file is missing), without MkDocs."""
    if not config_file.is_file():
        return {}
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    return config if isinstance(config, dict) else {}


def footer(config_file: Path) -> dict[str, Any]:
    """`extra.footer` of mkdocs.yml (empty when the file or the section is missing)."""
    config = project_config(config_file)
    marks = (config.get("extra") or {}).get("footer") or {}
    return marks if isinstance(marks, dict) else {}


def site_url(config_file: Path) -> str | None:
    """mkdocs.yml's site_url with a trailing slash; None when it has none (the office's exports link to the site by it)."""
    url = str(project_config(config_file).get("site_url") or "").strip()
    return url.rstrip("/") + "/" if url else None


def footer_problems(config_file: Path) -> list[str]:
    """What is missing or wrong in the footer marks, in the words of the guide.

    >>> import tempfile, pathlib
    >>> config = pathlib.Path(tempfile.mkdtemp()) / "mkdocs.yml"
    >>> _ = config.write_text('extra:\\n  footer:\\n    icp: 桂ICP备12345678号-1\\n    police: ""\\n', encoding="utf-8")
    >>> footer_problems(config)
    ['mkdocs.yml 的 extra.footer.police（公安机关备案号）没有填写，如 police: 桂公网安备 45010202000123号。']
    """
    name = config_file.name
    marks = footer(config_file)
    problems = []
    for key, label, pattern, example in (
        ("icp", "ICP 备案号", ICP, "桂ICP备12345678号-1"),
        ("police", "公安机关备案号", POLICE, "桂公网安备 45010202000123号"),
    ):
        value = str(marks.get(key) or "").strip()
        if not value:
            problems.append(f"{name} 的 extra.footer.{key}（{label}）没有填写，如 {key}: {example}。")
        elif not pattern.match(value):
            problems.append(
                f"{name} 的 extra.footer.{key}（{label}）「{value}」的写法不对，应照备案系统写，如 {key}: {example}。"
            )
    return problems
