"""`build`, `office` and `export`: the site and the office report, each written into a temporary folder and
swapped in whole (`swap`), so that a failed run leaves the last good output as it was."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from ..pipeline import Paths, office_of, office_report
from ..problems import RecordsInvalid
from ..serving import build_here
from ..swap import BuildRunning, build_lock, clear_leftovers, running_message, swap_in


def run_build(root: Path, site_dir: Path, as_of: str | None, config: str, office_dir: Path) -> int:
    """The site, then the office report from the records the site's build checked (one check a build)."""
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    clear_leftovers(site_dir)  # what a killed build left
    temporary = site_dir.with_name(f".{site_dir.name}.tmp-{os.getpid()}")
    from mkdocs.exceptions import MkDocsException

    from ..plugin import configured

    config_file = root / config
    try:
        plugin = configured(str(config_file), as_of=as_of)
    except (MkDocsException, OSError) as error:
        print(f"{config}：{error}", file=sys.stderr)
        return 1
    try:
        code = build_here(config_file, temporary)
    finally:
        plugin.given = {}  # the process keeps its plugin: the next run in it gives its own options
    if code != 0:
        shutil.rmtree(temporary, ignore_errors=True)
        print(f"网站生成失败，{site_dir.name}/ 保持原样未改动。", file=sys.stderr)
        return code or 1
    swap_in(temporary, site_dir)
    print(f"网站已生成：{site_dir}")
    from ..footer import site_url

    assert plugin.site is not None  # a build that succeeded made it
    files, notes = office_of(plugin.site, plugin.paths, site_url(config_file))
    return write_office(office_dir if office_dir.is_absolute() else root / office_dir, files, notes)


def run_office(root: Path, office_dir: Path, as_of: str | None, config: str = "mkdocs.yml") -> int:
    """The office report and press kits alone: check the records and write them."""
    from ..footer import site_url

    try:
        files, notes = office_report(Paths.of_project(root), as_of, site_url=site_url(root / config))
    except RecordsInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    return write_office(office_dir, files, notes)


def write_office(office_dir: Path, files: dict[str, bytes], notes: list[str]) -> int:
    """Write the office report and the press kits into a temporary folder and swap it in."""
    clear_leftovers(office_dir)
    temporary = office_dir.with_name(f".{office_dir.name}.tmp-{os.getpid()}")
    try:
        temporary.mkdir(parents=True)
        for name, data in sorted(files.items()):
            (temporary / name).parent.mkdir(parents=True, exist_ok=True)
            (temporary / name).write_bytes(data)
        swap_in(temporary, office_dir)
    finally:
        # Never left behind with the internal report in it, whatever stopped the writing.
        shutil.rmtree(temporary, ignore_errors=True)
    print(f"组委会办公室内部报表已生成：{office_dir}（不对外公开，不要上传到网站）")
    kits = len({name.split("/")[1] for name in files if name.startswith("presskit/")})
    if kits:
        print(f"先进典型新闻宣传资料包 {kits} 个（海报、公众号文章、原尺寸照片、事实材料）：{office_dir / 'presskit'}")
    for note in notes:
        print(f"提示：{note}")
    return 0


def run_export(root: Path, out: Path, as_of: str | None, config: str) -> int:
    """Write the site as a plain docs tree into `out` (see `export`): no MkDocs involved."""
    from ..export import ExportError, export, page_count

    out = out if out.is_absolute() else Path.cwd() / out
    try:
        files = export(root, out, as_of, root / config)
    except RecordsInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    except ExportError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"已导出到 {out}：{page_count(files)} 个页面，共 {len(files)} 个文件。"
        f"用 properdocs build -f {out}/mkdocs.yml 或 zensical build -f {out}/mkdocs.yml 生成网站。"
    )
    return 0


# The lock is held where the build's temporary folders go, beside site/ (or office/): two builds into one
# place would clear each other's; builds into different places (tests, previews) may run at once.


def run_build_locked(root: Path, site_dir: Path, as_of: str | None, config: str, office_dir: Path) -> int:
    """`run_build`, unless another build into the same place is running."""
    return _locked(root, site_dir, lambda: run_build(root, site_dir, as_of, config, office_dir))


def run_office_locked(root: Path, office_dir: Path, as_of: str | None) -> int:
    """`run_office`, unless another build into the same place is running."""
    office_dir = office_dir if office_dir.is_absolute() else root / office_dir
    return _locked(root, office_dir, lambda: run_office(root, office_dir, as_of))


def _locked(root: Path, target: Path, run: Callable[[], int]) -> int:
    target = target if target.is_absolute() else root / target
    try:
        with build_lock(target.parent):
            return run()
    except BuildRunning as running:
        print(running_message(str(running)), file=sys.stderr)
        return 1
