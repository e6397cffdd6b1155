"""Every rule over the assembled records, in the order they run; `check_all` runs them."""

from __future__ import annotations

from ..dataset import Dataset
from ..problems import Problem
from .announcements import rule_announcements
from .common import Context, Rule
from .competitions import rule_competitions
from .dates import rule_calendars, rule_campaign_dates
from .exemplars import rule_exemplars, rule_pioneer_needs_competition
from .ids import rule_exemplar_ids, rule_former_ids, rule_ids_shared_by_unions_and_enterprises
from .innovations import rule_innovations
from .news import rule_news
from .photos import rule_photo_refusals, rule_photos
from .references import rule_enterprise_unions_exist
from .register import rule_register_totals
from .submissions import rule_submissions

RULES: list[Rule] = [
    rule_photo_refusals,
    rule_ids_shared_by_unions_and_enterprises,
    rule_enterprise_unions_exist,
    rule_campaign_dates,
    rule_competitions,
    rule_exemplars,
    rule_exemplar_ids,
    rule_calendars,
    rule_pioneer_needs_competition,
    rule_innovations,
    rule_news,
    rule_register_totals,
    rule_submissions,
    rule_announcements,
    rule_former_ids,
    rule_photos,
]


def check_all(dataset: Dataset, context: Context | None = None) -> list[Problem]:
    """Run every rule over the dataset and return all problems found, in the rules' order."""
    context = context or Context()
    return [problem for rule in RULES for problem in rule(dataset, context)]
