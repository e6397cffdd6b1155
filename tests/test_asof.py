import datetime as dt

import pytest

from generator.asof import resolve_as_of
from generator.pipeline import generate

from .conftest import paths


def test_command_line_wins_over_the_record_and_the_epoch():
    assert resolve_as_of("2023-07-01", dt.date(2023, 9, 1), {"SOURCE_DATE_EPOCH": "0"}) == dt.date(2023, 7, 1)


def test_record_wins_over_the_epoch():
    assert resolve_as_of(None, dt.date(2023, 9, 1), {"SOURCE_DATE_EPOCH": "0"}) == dt.date(2023, 9, 1)


def test_source_date_epoch_is_read_as_a_day_in_china():
    # 2023-06-14 16:30 UTC is already 2023-06-15 00:30 in Beijing.
    assert resolve_as_of(None, None, {"SOURCE_DATE_EPOCH": "1686760200"}) == dt.date(2023, 6, 15)


def test_today_is_taken_in_china_not_utc():
    late_utc = dt.datetime(2023, 10, 30, 17, 0, tzinfo=dt.UTC)
    assert resolve_as_of(None, None, {}, now=late_utc) == dt.date(2023, 10, 31)


def test_a_bad_date_on_the_command_line_is_a_clear_error():
    with pytest.raises(ValueError, match="统计日期「2023/7/1」不是有效日期"):
        resolve_as_of("2023/7/1", None, {})


def test_the_given_day_reaches_the_pages(project):
    site = generate(paths(project), as_of="2023-11-02", environ={})
    home = next(p for p in site.pages if p.src_uri == "index.md")
    assert "各阶段已结束" in home.body
    assert site.context["as_of"] == "2023-11-02"
