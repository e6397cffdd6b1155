"""load → validate → compute → render, as one call that any builder adapter makes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .asof import ENV_AS_OF, resolve_as_of
from .dataset import Dataset
from .kinds.common import READY
from .office import office_files
from .pages import Site, build_site
from .problems import Problem, RecordsInvalid
from .publish import published, without_drafts
from .validate import load_dataset


@dataclass(frozen=True)
class Paths:
    """Where the project keeps its records, its hand-written content and its templates."""

    root: Path
    data_dir: Path
    content_dir: Path
    theme_dir: Path
    cache_dir: Path | None = None  # processed photos, keyed by content; None for no cache

    @classmethod
    def of_project(cls, root: Path) -> Paths:
        return cls(root, root / "site_data", root / "content", root / "theme", root / ".cache")


def check(paths: Paths) -> Dataset:
    """Validate every record; raise `RecordsInvalid` listing all problems."""
    return load_dataset(paths.data_dir, paths.content_dir, paths.root, paths.cache_dir)


def _as_of(dataset: Dataset, as_of: str | None, environ: Mapping[str, str]) -> date:
    campaign = dataset.years[dataset.current_year].campaign
    try:
        return resolve_as_of(as_of or environ.get(ENV_AS_OF), campaign.as_of, environ)
    except ValueError as error:
        raise RecordsInvalid([Problem(ENV_AS_OF, 0, "as_of", str(error))]) from None


def office_report(paths: Paths, as_of: str | None = None, environ: Mapping[str, str] | None = None) -> dict[str, bytes]:
    """Check the records and produce the office's internal report, as files by name."""
    environ = os.environ if environ is None else environ
    dataset = check(paths)
    return office_files(without_drafts(dataset), paths.theme_dir, _as_of(dataset, as_of, environ))


def generate(
    paths: Paths, as_of: str | None = None, environ: Mapping[str, str] | None = None, site_url: str | None = None
) -> Site:
    """Check the records and produce the site's pages; `as_of` as given on the command line."""
    environ = os.environ if environ is None else environ
    dataset = check(paths)
    day = _as_of(dataset, as_of, environ)
    site = build_site(published(dataset, day), paths.theme_dir, day, paths.content_dir, paths.cache_dir, site_url)
    # Draft and withdrawn news are real files under content/: take them out of the build too.
    site.consumed.extend(
        story.src.path.resolve().relative_to(paths.content_dir.resolve()).as_posix()
        for year in dataset.years.values()
        for story in year.news
        if story.state != READY and story.src.path is not None
    )
    return site
