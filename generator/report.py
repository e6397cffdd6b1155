"""Problems printed for people and for CI systems: plain text, GitHub annotations, GitLab Code Quality, JSON."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from .problems import Problem

FORMATS = ("text", "github", "gitlab", "json")


def _escape_github(value: str, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping: %, CR and LF always; also : and , inside properties.
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if property_value else value


def github(problems: Sequence[Problem]) -> str:
    """`::error file=…,line=…,title=…::message`, which GitHub Actions shows on the file and line.

    >>> github([Problem("site_data/a.yml", 3, "name", "不能为空。")])
    '::error file=site_data/a.yml,line=3,title=name::不能为空。'
    """
    lines = []
    for p in problems:
        props = [f"file={_escape_github(p.file, True)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.field:
            props.append(f"title={_escape_github(p.field, True)}")
        lines.append(f"::error {','.join(props)}::{_escape_github(p.message)}")
    return "\n".join(lines)


def gitlab(problems: Sequence[Problem]) -> str:
    """A GitLab Code Quality report (a JSON array), shown in merge requests on the file and line."""
    entries = []
    for p in problems:
        fingerprint = hashlib.sha256(f"{p.file}:{p.line}:{p.field}:{p.message}".encode()).hexdigest()
        entries.append(
            {
                "description": f"{p.field}: {p.message}" if p.field else p.message,
                "check_name": "campaign-records",
                "fingerprint": fingerprint,
                "severity": "major",
                "location": {"path": p.file, "lines": {"begin": max(p.line, 1)}},
            }
        )
    return json.dumps(entries, ensure_ascii=False, indent=2)


def as_json(problems: Sequence[Problem]) -> str:
    return json.dumps(
        [{"file": p.file, "line": p.line, "field": p.field, "message": p.message} for p in problems], ensure_ascii=False, indent=2
    )


def render(problems: Sequence[Problem], style: str) -> str:
    if style == "github":
        return github(problems)
    if style == "gitlab":
        return gitlab(problems)
    if style == "json":
        return as_json(problems)
    return "\n".join(str(p) for p in problems)
