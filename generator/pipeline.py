"""load → validate → compute → render, as one call that any builder adapter makes."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .asof import AS_OF_SOURCE, resolve_as_of
from .cache import Cache
from .content import content_problems, content_uri
from .dataset import Dataset
from .images import has_gps, news_picture, photo_refusal
from .memo import Memo
from .photo_checks import cached_refusal, photo_gps
from .preview import RenderedPages
from .problems import Problem, RecordsInvalid
from .publish import published, without_drafts
from .rules import privacy
from .validate import load_dataset

if TYPE_CHECKING:
    # The pages (templates, images, posters) take a fifth of a second to import: `check` needs none of them.
    from .pages import Remembered, Site

PREVIEW_SOURCE = "预览范围（--year）"  # where a bad preview scope came from, as its problem names it


@dataclass(frozen=True)
class Paths:
    """Where the project keeps its records, its hand-written content and its templates."""

    root: Path
    data_dir: Path
    content_dir: Path
    theme_dir: Path
    cache_dir: Path | None = None  # where results are kept between builds; None to keep nothing

    @classmethod
    def of_project(cls, root: Path) -> Paths:
        return cls(root, root / "site_data", root / "content", root / "theme", root / ".cache")

    @property
    def cache(self) -> Cache:
        return Cache.at(self.cache_dir)


@dataclass
class Kept:
    """What a caller that builds again and again (the live preview) keeps in memory from one build to the
    next, beside the cache on disk: the check's results, what the pages were made of (`Remembered`), news
    stories as sanitised, the HTML each record page became (`RenderedPages`), and the news pictures as
    published, by path, with the size and time of the original each was made from."""

    checks: Memo
    pages: Remembered
    news: dict[str, str]
    rendered: RenderedPages
    pictures: dict[Path, tuple[int, int, bytes]] = field(default_factory=dict)

    @classmethod
    def for_project(cls, paths: Paths) -> Kept:
        checks = paths.cache.memo("check")
        checks.seen = {}  # its files known by their times: unchanged ones are not read again
        from .pages import Remembered

        return cls(checks, Remembered(), {}, RenderedPages())


def check(paths: Paths, memo: Memo | None = None, digests: dict[str, bytes] | None = None) -> Dataset:
    """Validate every record; raise `RecordsInvalid` listing all problems.

    `memo`: the results of checks before, kept by a caller that checks again and again (the preview);
    `digests`: the files' digests from a `fingerprint` just taken.
    """
    return load_dataset(paths.data_dir, paths.content_dir, paths.root, memo or paths.cache.memo("check"), digests)


def as_of_for(dataset: Dataset, as_of: str | None, environ: Mapping[str, str] | None = None) -> date:
    """The day a build of `dataset` computes on: `as_of` as given (the command line's or the plugin's
    config), else the campaign record's, else SOURCE_DATE_EPOCH's, else today in China."""
    campaign = dataset.years[dataset.current_year].campaign
    try:
        return resolve_as_of(as_of, campaign.as_of, os.environ if environ is None else environ)
    except ValueError as error:
        raise RecordsInvalid([Problem(AS_OF_SOURCE, 0, "as_of", str(error))]) from None


def office_report(
    paths: Paths, as_of: str | None = None, environ: Mapping[str, str] | None = None, site_url: str | None = None
) -> tuple[dict[str, bytes], list[str]]:
    """Check the records and produce the office's internal report and the press kits of the published
    exemplars, as files by name; and notes on what the kits lack. (`office` alone; a build makes them
    from the records it checked: `office_of`.)"""
    dataset = check(paths)
    return _office(dataset, paths, as_of_for(dataset, as_of, environ), site_url)


def office_of(site: Site, paths: Paths, site_url: str | None) -> tuple[dict[str, bytes], list[str]]:
    """The office's internal report and press kits of a build, from the records that build checked."""
    assert site.checked is not None, "a site made by generate() carries its records"
    return _office(site.checked, paths, date.fromisoformat(site.context["as_of"]), site_url)


def _office(dataset: Dataset, paths: Paths, day: date, site_url: str | None) -> tuple[dict[str, bytes], list[str]]:
    from .office import office_files  # spreadsheets (openpyxl) take a tenth of a second to import: only here
    from .presskit import press_kits

    files = office_files(without_drafts(dataset), paths.theme_dir, day)
    kits, notes = press_kits(published(dataset, day), site_url, paths.cache)
    return files | kits, notes


def preview_years(dataset: Dataset, scope: str | None) -> set[int] | None:
    """The years a preview builds: "all" (or none given) for every year, else the listed years
    ("2021,2022") and always the current one, whose pages the navigation leads to."""
    if scope is None or scope.strip() in ("", "all"):
        return None
    years = {dataset.current_year}
    for part in scope.replace("，", ",").split(","):
        part = part.strip()
        if part == "current":
            continue
        if not part.isdigit() or int(part) not in dataset.years:
            known = "、".join(str(y) for y in sorted(dataset.years))
            raise RecordsInvalid(
                [
                    Problem(
                        PREVIEW_SOURCE,
                        0,
                        "",
                        f"预览范围「{scope}」里的「{part}」不是已有的年度（{known}）；写 all 预览全部年度。",
                    )
                ]
            )
        years.add(int(part))
    return years


def _public(dataset: Dataset) -> set[str]:
    """The contacts the campaign records declare public, as `privacy.public_contacts` gives them."""
    public: set[str] = set()
    for year in dataset.years.values():
        for contact in year.campaign.contacts:
            if contact.phone:
                digits = re.sub(r"\D", "", contact.phone)
                public.update({digits, digits[-11:]})
            if contact.email:
                public.add(contact.email.strip().lower())
    return public


def check_content(paths: Paths, dataset: Dataset, nav: Iterable[str], memo: Memo | None = None) -> list[str]:
    """`content/` as an allow-list (see `content`), its pages checked for personal data; raise
    `RecordsInvalid` with every problem. Returns the news pictures, relative to `content/`.

    `memo`: the check's cache, which knows the news stories' pictures already (judged by its workers)."""
    known = {year.campaign.plan_text for year in dataset.years.values()} | {
        content_uri(story.src.path, paths.content_dir)
        for year in dataset.years.values()
        for story in year.news
        if story.src.path is not None
    }
    nav = set(nav)
    refusal = (lambda path: cached_refusal(path, memo)) if memo is not None else photo_refusal
    problems, pictures = content_problems(paths.content_dir, known, nav, refusal)
    public = _public(dataset)
    for uri in sorted(nav | {"news/index.md"}):
        page = paths.content_dir / uri
        if page.is_file() and not page.is_symlink():
            text = page.read_text(encoding="utf-8", errors="replace")
            problems.extend(privacy.scan_text(text, f"content/{uri}", "", 1, public, False))
    if problems:
        raise RecordsInvalid(problems)
    return pictures


def news_pictures_with_gps(paths: Paths, pictures: Iterable[str], memo: Memo | None = None) -> list[str]:
    """News pictures whose originals carry a GPS position (the published copies never do); from the
    check's cache (`memo`) where it knows them."""
    gps = (lambda path: photo_gps(path, memo)) if memo is not None else has_gps
    return [f"content/{uri}" for uri in pictures if gps(paths.content_dir / uri)]


def _news_picture(path: Path, cache: Cache, kept: Kept | None) -> bytes:
    """`images.news_picture`; a preview keeps each in memory while its original is unchanged (reading it
    whole and hashing it to find it in the cache cost a third of a second a rebuild at 20,000 records)."""
    if kept is None:
        return news_picture(path, cache)
    stat = path.stat()
    known = kept.pictures.get(path)
    if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
        return known[2]
    data = news_picture(path, cache)
    kept.pictures[path] = (stat.st_size, stat.st_mtime_ns, data)
    return data


def generate(
    paths: Paths,
    as_of: str | None = None,
    environ: Mapping[str, str] | None = None,
    site_url: str | None = None,
    scope: str | None = None,
    search_archive: bool = True,
    kept: Kept | None = None,
    nav: Iterable[str] = (),
) -> Site:
    """Check the records and produce the site's pages; `as_of` as given (see `as_of_for`).

    `scope` limits the pages to some years (see `preview_years`): a live preview of a large archive
    then rebuilds in seconds. Every record is still checked. `nav`: the pages the navigation names,
    which may come from `content/`.
    """
    from .pages import Asset, build_site

    # The check's cache, at hand here too: what it knows of the news pictures spares opening them again.
    checks = kept.checks if kept else paths.cache.memo("check")
    dataset = check(paths, checks)
    pictures = check_content(paths, dataset, nav, checks)
    day = as_of_for(dataset, as_of, environ)
    years = preview_years(dataset, scope)
    scoped = dataset if years is None else replace(dataset, years={n: dataset.years[n] for n in sorted(years)})
    public = published(scoped, day)
    site = build_site(
        public,
        paths.theme_dir,
        day,
        paths.content_dir,
        paths.cache,
        site_url,
        search_archive,
        kept.pages if kept else None,
    )
    # Unpublished news (drafts, withdrawn, dated after as_of, and in a scoped preview other years') are
    # real files under content/: take them out of the build too.
    site.consumed.extend(
        uri
        for year in dataset.years.values()
        for story in year.news
        if story.src.path is not None and (uri := content_uri(story.src.path, paths.content_dir)) not in site.news
    )
    site.consumed.extend(sorted({year.campaign.plan_text for year in dataset.years.values()} - set(site.consumed)))
    # News pictures are published as re-encoded copies, under their own names: no metadata goes out.
    for uri in pictures:
        site.consumed.append(uri)
        site.assets.append(Asset(uri, _news_picture(paths.content_dir / uri, paths.cache, kept)))
    site.context["news_pictures_with_gps"] = news_pictures_with_gps(paths, pictures, checks)
    checks.save()
    left_out = sorted(set(dataset.years) - years) if years is not None else []
    site.context["preview_note"] = (
        f"预览只生成了 {'、'.join(str(y) for y in sorted(years or ()))} 年度的页面，"
        f"{'、'.join(str(y) for y in left_out)} 年度不在预览里（记录仍全部检查）。要预览全部年度：make serve YEAR=all。"
        if left_out
        else None
    )
    site.checked = dataset
    return site
