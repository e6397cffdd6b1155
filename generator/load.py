"""Find the record files and read them into lined mappings, collecting every problem."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .kinds import KINDS, Kind
from .problems import Problem
from .rules.mistakes import structural_slips
from .yamlio import LinedDict, LinedList, load_yaml

YEAR_DIR = re.compile(r"^20[0-9]{2}$")
RECORD_SUFFIXES = (".yml", ".yaml")
# Above this a record file is not something an editor typed; refuse before parsing it.
MAX_RECORD_BYTES = 256 * 1024


@dataclass(frozen=True)
class RawRecord:
    """One record as read: its kind, its year (for per-year kinds), its file and data."""

    kind: Kind
    year: int | None
    path: Path
    file: str
    data: LinedDict
    body: str = ""
    body_line: int = 1  # the file line the body starts on


def display_path(path: Path, root: Path) -> str:
    """The path as an editor sees it in messages: relative to the project, with slashes."""
    if ".." not in path.parts:
        try:  # found under the root, as discovered files are: no need to ask the file system
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def discover(data_dir: Path, content_dir: Path, root: Path) -> tuple[list[tuple[Kind, int | None, Path]], list[Problem]]:
    """List the record files by kind; anything in a place no kind reads from is a problem."""
    found: list[tuple[Kind, int | None, Path]] = []
    problems: list[Problem] = []
    kinds = [kind for kind in KINDS.values() if not kind.front_matter]
    files = {kind.file: kind for kind in kinds if kind.file and not kind.per_year}
    year_files = {kind.file: kind for kind in kinds if kind.file and kind.per_year}
    by_folder = {kind.folder: kind for kind in kinds if kind.folder and not kind.per_year}
    per_year = {kind.folder: kind for kind in kinds if kind.folder and kind.per_year}
    for parts in _files(data_dir):
        if parts[-1].startswith(".") or not parts[-1].lower().endswith(RECORD_SUFFIXES):
            continue
        path = data_dir.joinpath(*parts)
        stem = parts[-1].rpartition(".")[0]
        if len(parts) == 1 and stem in files:
            found.append((files[stem], None, path))
        elif len(parts) == 2 and parts[0] in by_folder:
            found.append((by_folder[parts[0]], None, path))
        elif len(parts) == 2 and YEAR_DIR.match(parts[0]) and stem in year_files:
            found.append((year_files[stem], int(parts[0]), path))
        elif len(parts) == 3 and YEAR_DIR.match(parts[0]) and parts[1] in per_year:
            found.append((per_year[parts[1]], int(parts[0]), path))
        else:
            places = [
                *(f"{f}.yml" for f in files),
                *by_folder,
                *(f"年份/{f}" for f in per_year),
                *(f"年份/{f}.yml" for f in year_files),
            ]
            problems.append(
                Problem(
                    display_path(path, root),
                    0,
                    "",
                    f"这个文件不在任何记录文件夹里，不会被读取。记录文件应放在：{'、'.join(places)}。",
                )
            )
    # The blog publishes posts from sub-folders too, so every one of them is checked.
    for kind in KINDS.values():
        if kind.front_matter:
            found.extend((kind, None, path) for path in sorted((content_dir / kind.folder).rglob("*.md")))
    return found, problems


def _files(folder: Path) -> list[tuple[str, ...]]:
    """Every file under the folder as path parts relative to it, sorted (os.walk: several times
    faster than Path.rglob on tens of thousands of files)."""
    found: list[tuple[str, ...]] = []
    for top, _, files in os.walk(folder):
        base = Path(top).relative_to(folder).parts
        found.extend((*base, name) for name in files)
    return sorted(found)


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode a record file as UTF-8 (a BOM is fine); say clearly what else it is."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, [Problem(file, 0, "", "文件是 UTF-16 编码保存的。请用记事本或 VS Code「另存为」，编码选 UTF-8。")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        try:
            raw.decode("gb18030")
            what = "看起来是 GBK/GB18030 编码保存的"
        except UnicodeDecodeError:
            what = "不是 UTF-8 编码"
        extra = "（GBK 也存不下人名里的一些生僻字）" if what.startswith("看起来是 GBK") else ""
        return None, [Problem(file, line, "", f"文件{what}。请用记事本或 VS Code「另存为」，编码选 UTF-8，再保存{extra}。")]
    # Windows line ends are fine; normalise so that line numbers and bodies agree.
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def split_front_matter(text: str, file: str) -> tuple[str | None, int, str, list[Problem]]:
    """Split a Markdown file into its front matter (and its first line) and its body."""
    if not text.startswith("---\n"):
        return (
            None,
            0,
            text,
            [Problem(file, 1, "", "新闻文件必须以「---」开头的文件头开始，写明 title、date、slug、description。")],
        )
    match = re.search(r"^---[ \t]*$", text[4:], re.M)
    if match is None:
        return None, 0, text, [Problem(file, 1, "", "文件头没有结束：请在文件头最后一行写「---」。")]
    front = text[4 : 4 + match.start()]
    return front, 2, text[4 + match.end() :], []


def read_text(path: Path, root: Path) -> tuple[str | None, list[Problem]]:
    """A hand-written text file (the plan) as text, or the problem with its encoding."""
    return decode(path.read_bytes(), display_path(path, root))


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes, or None when it is too big to be a record (never read whole)."""
    with path.open("rb") as stream:
        data = stream.read(MAX_RECORD_BYTES + 1)
    return None if len(data) > MAX_RECORD_BYTES else data


def read(
    kind: Kind, year: int | None, path: Path, root: Path, data: bytes | None = None
) -> tuple[RawRecord | None, list[Problem]]:
    """Read one record file (or its bytes, read already); return the raw record or the problems that stopped it."""
    file = display_path(path, root)
    data = read_bytes(path) if data is None else data
    if data is None:
        size = path.stat().st_size
        return None, [Problem(file, 0, "", f"文件太大（{size // 1024} KB），一条记录不应超过 {MAX_RECORD_BYTES // 1024} KB。")]
    text, problems = decode(data, file)
    if text is None:
        return None, problems
    body = ""
    offset = 0
    if kind.front_matter:
        front, first_line, body, problems = split_front_matter(text, file)
        if front is None:
            return None, problems
        offset = first_line - 1
        text = front
    slips = structural_slips(text, file)
    if slips:
        # The parser would fail further down with a message about something else: name the slip.
        return None, [Problem(p.file, p.line + offset, p.field, p.message) for p in slips]
    data, problems = load_yaml(text, file)
    if offset:
        problems = [Problem(p.file, p.line + offset if p.line else 0, p.field, p.message) for p in problems]
        _shift_lines(data, offset)
    if data is None and not problems:
        return None, [Problem(file, 1, "", "文件是空的。")]
    if data is not None and not isinstance(data, LinedDict):
        problems.append(Problem(file, 1, "", "文件内容应是「字段: 值」的形式，每行一个字段。"))
        return None, problems
    body_line = text.count("\n") + 2 if kind.front_matter else 1  # the closing fence's line, where the body string starts
    return (RawRecord(kind, year, path, file, data, body, body_line) if data is not None else None), problems


def _shift_lines(data: object, offset: int) -> None:
    for value in _walk(data):
        value.line += offset
        if isinstance(value, LinedDict):
            value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        else:
            value.item_lines = [v + offset for v in value.item_lines]


def _walk(data: object) -> Iterator[LinedDict | LinedList]:
    if isinstance(data, LinedDict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, LinedList):
        yield data
        for value in data:
            yield from _walk(value)
