"""The footer of every page, as government sites in mainland China have it: who runs the site (主办, 承办,
协办), how to reach them, the copyright, the link to the union's portal, and the ICP and public-security
备案号, which `guard` requires before publishing.

The marks are the county's settings (`icp`, `police`, `portal` in site_data/settings.yml); `extra.footer` in
mkdocs.yml, where they were kept before, still counts.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    import datetime as dt

    from .kinds.campaign import Campaign
    from .kinds.settings import Settings

ICP = re.compile(r"^\S{1,4}ICP备\d{6,10}号(?:-\d+)?$")
POLICE = re.compile(r"^\S{1,4}公网安备\s?\d{10,16}号$")
PORTAL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")
# The registries' own sites, as government sites link their marks (links only: nothing is loaded from there).
ICP_REGISTRY = "https://beian.miit.gov.cn/"
POLICE_REGISTRY = "https://beian.mps.gov.cn/#/query/webSearch?code="


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


def footer_params(campaign: Campaign, settings: Settings, as_of: dt.date) -> dict[str, Any]:
    """What the footer shows: only what is recorded, so an unset mark leaves no empty line.

    The copyright runs to the year the figures stand at; the 承办 is the committee's office, which runs the
    campaign's daily work; the first public contact is the footer's.
    """
    contact = campaign.contacts[0] if campaign.contacts else None
    police_code = re.sub(r"\D", "", settings.police or "")
    return {
        "organiser": campaign.issuer,
        "undertaker": f"{campaign.committee.name}办公室",
        "co_organisers": list(campaign.co_organisers),
        "contact": {"name": contact.name, "address": contact.address, "phone": contact.phone, "email": contact.email}
        if contact
        else None,
        "copyright": f"版权所有 © {as_of.year} {settings.union or campaign.issuer}",
        "portal": {"href": settings.portal, "label": f"{settings.union or campaign.issuer}门户网站"} if settings.portal else None,
        "icp": settings.icp,
        "icp_href": ICP_REGISTRY,
        "police": settings.police,
        "police_href": POLICE_REGISTRY + police_code,
    }


def footer_problems(config_file: Path, filled: dict[str, str | None] | None = None) -> list[str]:
    """What is missing or wrong in the footer marks, in the words of the guide; `filled`: the marks the
    settings hold (checked with the settings), which need nothing from mkdocs.yml.

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
        if (filled or {}).get(key):
            continue
        if not value:
            problems.append(f"{name} 的 extra.footer.{key}（{label}）没有填写，如 {key}: {example}。")
        elif not pattern.match(value):
            problems.append(
                f"{name} 的 extra.footer.{key}（{label}）「{value}」的写法不对，应照备案系统写，如 {key}: {example}。"
            )
    return problems
