"""The validated records of all years, as plain data classes: what compute and render read."""

from __future__ import annotations

from dataclasses import dataclass, field

from .kinds.announcements import Announcement
from .kinds.calendars import Calendar
from .kinds.campaign import Campaign
from .kinds.collectives import Collective
from .kinds.competitions import Competition
from .kinds.enterprises import Enterprise
from .kinds.innovations import Innovation
from .kinds.news import News
from .kinds.people import Person
from .kinds.settings import Settings
from .kinds.submissions import Submission
from .kinds.unions import Union


@dataclass
class Year:
    """Everything of one campaign year."""

    campaign: Campaign
    settings: Settings  # the county's, shared by every year
    plan_markdown: str = ""
    competitions: dict[str, Competition] = field(default_factory=dict)
    collectives: dict[str, Collective] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    innovations: dict[str, Innovation] = field(default_factory=dict)
    submissions: dict[str, Submission] = field(default_factory=dict)
    announcements: dict[str, Announcement] = field(default_factory=dict)
    # Candidates of a running 公示: named in it, not yet published as honours.
    announced: dict[str, Collective | Person] = field(default_factory=dict)
    news: list[News] = field(default_factory=list)


@dataclass
class Dataset:
    """All records: the organisations, which outlive a year, and the campaign years."""

    settings: Settings | None = None  # None only while the settings failed their own checks
    unions: dict[str, Union] = field(default_factory=dict)
    enterprises: dict[str, Enterprise] = field(default_factory=dict)
    years: dict[int, Year] = field(default_factory=dict)
    calendars: dict[str, Calendar] = field(default_factory=dict)
    # Ids of records that failed their own checks: references to them are not reported again.
    failed_ids: set[str] = field(default_factory=set)
    # Years whose campaign record failed: their records are not reported as homeless too.
    failed_years: set[int] = field(default_factory=set)

    @property
    def current_year(self) -> int:
        """The newest campaign is the one the site leads with."""
        return max(self.years)

    def unit_name(self, ref: str, short: bool = False) -> str:
        """The readable name of `enterprise` or `enterprise/unit` (the reference is known to exist)."""
        if ref in self.unions:
            return self.unions[ref].name
        enterprise_id, _, unit_id = ref.partition("/")
        enterprise = self.enterprises[enterprise_id]
        name = (enterprise.short_name or enterprise.name) if short else enterprise.name
        unit = enterprise.unit(unit_id) if unit_id else None
        return f"{name}{unit.name}" if unit else name
