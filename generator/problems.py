"""Problems found in the records, collected so that one run reports all of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place, in the words an editor reads.

    >>> str(Problem("site_data/2023/people/a.yml", 3, "honour", "不在允许范围内"))
    'site_data/2023/people/a.yml:3: honour: 不在允许范围内'
    """

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class RecordsInvalid(Exception):
    """Raised once, after every problem of a run has been collected."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self, building: bool = True) -> str:
        lines = [str(p) for p in self.problems]
        outcome = "网站未生成。" if building else ""
        lines.append(f"共发现 {len(self.problems)} 处问题，{outcome}请按提示修改后重试。")
        return "\n".join(lines)
