"""The one date everything the site says about time depends on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

CHINA = ZoneInfo("Asia/Shanghai")
AS_OF_SOURCE = "统计日期（--as-of）"  # where a bad as_of came from, as its problem names it


def resolve_as_of(
    given: str | None,
    campaign_as_of: dt.date | None,
    environ: Mapping[str, str],
    now: dt.datetime | None = None,
) -> dt.date:
    """Pick `as_of`: as given (command line or plugin config), else the campaign record, else SOURCE_DATE_EPOCH, else today in China.

    >>> resolve_as_of("2023-07-01", None, {})
    datetime.date(2023, 7, 1)
    >>> resolve_as_of(None, None, {"SOURCE_DATE_EPOCH": "1700000000"})
    datetime.date(2023, 11, 15)
    """
    if given:
        try:
            return dt.date.fromisoformat(given.strip())
        except ValueError:
            raise ValueError(f"统计日期「{given}」不是有效日期，请写成 2023-06-15 这样的格式。") from None
    if campaign_as_of:
        return campaign_as_of
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        # CI runs in UTC; the campaign's day is China's.
        return dt.datetime.fromtimestamp(int(epoch), CHINA).date()
    return (now or dt.datetime.now(CHINA)).astimezone(CHINA).date()


def epoch_of(day: dt.date) -> int:
    """Noon of `day` in China as a Unix time, for SOURCE_DATE_EPOCH.

    Noon, because MkDocs dates pages in UTC: at noon in China it is the same day there.

    >>> dt.datetime.fromtimestamp(epoch_of(dt.date(2023, 6, 15)), dt.UTC).isoformat()
    '2023-06-15T04:00:00+00:00'
    """
    return int(dt.datetime.combine(day, dt.time(12), CHINA).timestamp())
