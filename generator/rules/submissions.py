"""Submissions (报送材料): by a whole enterprise's union, dated within the year."""

from __future__ import annotations

from collections.abc import Iterator

from ..dataset import Dataset
from ..problems import Problem
from .common import Context
from .dates import in_window
from .references import check_unit


def rule_submissions(dataset: Dataset, context: Context) -> Iterator[Problem]:
    """A submission names an enterprise (not a workshop) that exists; its dates are in the year's window."""
    for number, year in dataset.years.items():
        for submission in year.submissions.values():
            src = submission.src
            if "/" in submission.unit:
                yield Problem(src.file, src.line_of("unit"), "unit", "报送材料的是整个单位的工会：只写企业编号，不写车间班组。")
                continue
            yield from check_unit(dataset, number, submission.unit, src, "unit")
            yield from in_window(year, submission.plan_filed, src, "plan_filed")
            for key, day in submission.evidence.items():
                yield from in_window(year, day, src, f"evidence.{key}")
