"""Exemplars' photos as the pages show them: each processed once into its renditions, whichever page shows it first.

A photo appears on the home page, on the competitions its record was honoured in and on its own page;
its files are made once, kept here until the site takes them (`made`), and every page gets image params
with links relative to itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from ..cache import Cache, Entry
from ..dataset import Dataset
from ..images import WIDTHS, WebImage, prepare, renditions
from ..kinds.collectives import Collective
from ..kinds.people import Person
from ..urls import Urls, relative
from .common import Asset

PLACEHOLDERS = {"collectives": "assets/images/cp-placeholder-group.svg", "people": "assets/images/cp-placeholder-person.svg"}


class Remembered:
    """What the live preview's rebuilds keep from the build before: record texts rendered from
    Markdown, and photos as processed (their cache entries by path, size and time, and renditions),
    so that a rebuild neither hashes the photos nor reads their renditions again."""

    def __init__(self) -> None:
        self.markdown: dict[str, Markup] = {}
        self.photo_entries: dict[tuple[str, int, int], Entry] = {}
        self.photos: dict[Entry, list[WebImage]] = {}

    def known_entries(self, photos: list[Path]) -> tuple[dict[Path, Entry], dict[Path, tuple[str, int, int]]]:
        """The cache entries of the photos that did not change, and every photo's size-and-time key."""
        keys = {}
        for photo in photos:
            stat = photo.stat()
            keys[photo] = (str(photo), stat.st_size, stat.st_mtime_ns)
        return {photo: self.photo_entries[key] for photo, key in keys.items() if key in self.photo_entries}, keys


def consented(record: Collective | Person) -> bool:
    """A person's photo and story are published only with their recorded consent."""
    return not isinstance(record, Person) or record.consent is not None


def placeholder(kind: str, page: str) -> dict[str, Any]:
    """Image params of the drawing shown where a record has no photo (or no consent to show it)."""
    return {
        "src": relative(page, PLACEHOLDERS[kind]),
        "srcset": "",
        "webp": "",
        "width": 600,
        "height": 450,
        "alt": "",
        "placeholder": True,
    }


@dataclass
class _Photo:
    src: str
    jpeg: list[tuple[str, int]]
    webp: list[tuple[str, int]]
    width: int
    height: int
    alt: str


class Photos:
    """The photos of one build: processed on first use, their files handed over once."""

    def __init__(self, urls: Urls, cache: Cache, remembered: Remembered | None) -> None:
        self.urls = urls
        self.cache = cache
        self.remembered = remembered  # the live preview's photos from the builds before
        self.processed = 0  # photos that were not in the cache
        self.entries: dict[Path, Entry] = {}  # cache entries of photos hashed in this build
        self._keys: dict[Path, tuple[str, int, int]] = {}
        self._photos: dict[tuple[int, str, str], _Photo] = {}
        self._made: list[Asset] = []

    def prepare(self, dataset: Dataset) -> None:
        """Process every photo a page will show, in parallel where there are many, before any page asks."""
        records: list[Collective | Person] = []
        for year in dataset.years.values():
            records.extend(year.collectives.values())
            records.extend(year.people.values())
        photos = [
            record.src.path.parent / record.photo
            for record in records
            if record.photo and record.src.path is not None and consented(record)
        ]
        if self.remembered is not None:
            known, self._keys = self.remembered.known_entries(photos)
            self.entries.update(known)
        self.processed += prepare(photos, self.cache, known=self.entries)

    def remember(self) -> None:
        """Keep this build's cache entries for the preview's next rebuild."""
        if self.remembered is not None:
            keys = self._keys
            self.remembered.photo_entries = {keys[p]: entry for p, entry in self.entries.items() if p in keys}

    def made(self) -> list[Asset]:
        """The files of the photos processed since the last call, each photo's once."""
        made, self._made = self._made, []
        return made

    def image(self, record: Collective | Person, kind: str, year: int, page: str) -> dict[str, Any]:
        """Card and page image params for a record, processing its photo once."""
        if record.photo is None or record.src.path is None:
            return placeholder(kind, page)
        return self.picture(record.src.path.parent / record.photo, year, kind, record.id, record.photo_alt or "", page)

    def picture(
        self, path: Path, year: int, kind: str, stem: str, alt: str, page: str, widths: tuple[int, ...] = WIDTHS
    ) -> dict[str, Any]:
        """Image params of any record's picture (a banner, a story's), processed once, named `stem` under `kind`."""
        key = (year, kind, stem)
        if key not in self._photos:
            self._photos[key] = self._process(path, kind, year, stem, alt, widths)
        photo = self._photos[key]
        return {
            "src": relative(page, photo.src),
            "srcset": ", ".join(f"{relative(page, dest)} {width}w" for dest, width in photo.jpeg),
            "webp": ", ".join(f"{relative(page, dest)} {width}w" for dest, width in photo.webp),
            "width": photo.width,
            "height": photo.height,
            "alt": photo.alt,
            "placeholder": False,
        }

    def largest_jpeg(self, year: int, kind: str, record_id: str) -> str:
        """The largest JPEG of a photo already shown, for sharing: WeChat and most apps read og:image, and read JPEG."""
        return self._photos[(year, kind, record_id)].jpeg[-1][0]

    def _process(self, path: Path, kind: str, year: int, stem: str, alt: str, widths: tuple[int, ...]) -> _Photo:
        # Named after the record (`stem`), not the photo file: ids are URL-safe, file names may hold spaces.
        entry = self.entries.get(path)
        kept = self.remembered.photos.get(entry) if self.remembered is not None and entry is not None else None
        if kept is None:
            images, cached = renditions(path, self.cache, widths, known=self.entries)
            self.processed += not cached
            entry = self.entries.get(path)
            if self.remembered is not None and entry is not None:
                self.remembered.photos[entry] = images
        else:
            images = kept
        jpeg: list[tuple[str, int]] = []
        webp: list[tuple[str, int]] = []
        for image in images:
            for fmt, data, out in (("jpg", image.jpeg, jpeg), ("webp", image.webp, webp)):
                dest = self.urls.photo(year, kind, f"{stem}-{image.width}.{fmt}")
                self._made.append(Asset(dest, data))
                out.append((dest, image.width))
        largest = images[-1]
        return _Photo(jpeg[0][0], jpeg, webp, largest.width, largest.height, alt)
