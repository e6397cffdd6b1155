"""The site's address, `site_url` in mkdocs.yml, which `guard` requires before publishing.

Without it the build makes no QR codes, no RSS feed, no canonical links and no og:url, and a site under
a sub-path (a union's portal: https://www.example.gov.cn/ldjs/) serves a 404 page that loads its styles
and scripts from the host's root, where they are not.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from .footer import project_config

EXAMPLE = "https://www.example.gov.cn/ldjs/"


def written_site_url(config_file: Path) -> str:
    """`site_url` of mkdocs.yml as written, or "" when the file or the key is missing."""
    return str(project_config(config_file).get("site_url") or "").strip()


def site_url_problems(config_file: Path) -> list[str]:
    """What is missing or wrong in `site_url`, with where to write it.

    >>> import tempfile, pathlib
    >>> config = pathlib.Path(tempfile.mkdtemp()) / "mkdocs.yml"
    >>> _ = config.write_text('site_url: www.example.gov.cn/ldjs\\n', encoding="utf-8")
    >>> site_url_problems(config)
    ['mkdocs.yml 的 site_url（网站地址）「www.example.gov.cn/ldjs」不是完整网址，应以 https:// 或 http:// 开头，如 site_url: https://www.example.gov.cn/ldjs/。']
    """
    name = config_file.name
    value = written_site_url(config_file)
    if not value:
        return [
            f"{name} 没有填写 site_url（网站发布后的地址）。在 {name} 开头写一行，如 site_url: {EXAMPLE}"
            "（放在门户网站子路径下的，写到子路径为止）。"
        ]
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return [f"{name} 的 site_url（网站地址）「{value}」不是完整网址，应以 https:// 或 http:// 开头，如 site_url: {EXAMPLE}。"]
    return []
