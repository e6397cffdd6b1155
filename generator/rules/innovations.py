"""Innovations (创新成果): their unit, the competition they came from, and their date."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem
from .common import Context
from .dates import in_window
from .references import check_competition, check_unit


def rule_innovations(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """An innovation's unit and competition exist, and its date is in the year's window."""
    for number, year in dataset.years.items():
        for innovation in year.innovations.values():
            src = innovation.src
            yield from check_unit(dataset, number, innovation.unit, src, "unit")
            if innovation.competition:
                yield from check_competition(year, innovation.competition, src, "competition", dataset)
            yield from in_window(year, innovation.date, src, "date")
