"""What every rule over the records shares: its signature, its context, and the spelling hint."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..dataset import Dataset
from ..images import photo_refusal, readable_image
from ..problems import Problem


def _refusal(path: Path) -> str:
    return photo_refusal(path) or ""


@dataclass(frozen=True)
class Context:
    """What rules need beside the records: how photos are judged (`validate` answers from its cache).

    `refusal` says why a photo is not taken in at all ("" when it may be); `readable` whether the
    whole photo decodes.
    """

    refusal: Callable[[Path], str] = field(default=_refusal)
    readable: Callable[[Path], bool] = field(default=readable_image)


Rule = Callable[[Dataset, Context], Iterable[Problem]]


def hint(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"是不是「{close[0]}」？" if close else ""
