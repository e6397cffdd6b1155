"""load → validate → compute → render, as one call that any builder adapter makes."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .asof import ENV_AS_OF, resolve_as_of
from .dataset import Dataset
from .pages import Site, build_site
from .problems import Problem, RecordsInvalid
from .validate import load_dataset


@dataclass(frozen=True)
class Paths:
    """Where the project keeps its records, its hand-written content and its templates."""

    root: Path
    data_dir: Path
    content_dir: Path
    theme_dir: Path

    @classmethod
    def of_project(cls, root: Path) -> Paths:
        return cls(root, root / "site_data", root / "content", root / "theme")


def check(paths: Paths) -> Dataset:
    """Validate every record; raise `RecordsInvalid` listing all problems."""
    return load_dataset(paths.data_dir, paths.content_dir, paths.root)


def generate(paths: Paths, as_of: str | None = None, environ: Mapping[str, str] | None = None) -> Site:
    """Check the records and produce the site's pages; `as_of` as given on the command line."""
    environ = os.environ if environ is None else environ
    dataset = check(paths)
    campaign = dataset.years[dataset.current_year].campaign
    try:
        day = resolve_as_of(as_of or environ.get(ENV_AS_OF), campaign.as_of, environ)
    except ValueError as error:
        raise RecordsInvalid([Problem(ENV_AS_OF, 0, "as_of", str(error))]) from None
    return build_site(dataset, paths.theme_dir, day)
