"""Rules over the whole set of records. Each rule yields problems; `check_all` runs them all."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .coverage import check_register
from .dataset import Dataset, Year
from .images import HEIC_SUFFIXES, readable_image
from .kinds.common import Source
from .problems import Problem
from .urls import RESERVED_COMPETITION_IDS, RESERVED_EXEMPLAR_IDS
from .workdays import UnknownYear, YearTable, count_workdays, published_year

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp")

Rule = Callable[[Dataset, Path], Iterable[Problem]]


def _hint(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1)
    return f"是不是「{close[0]}」？" if close else ""


def _date(value: dt.date) -> str:
    return value.isoformat()


def check_unit(dataset: Dataset, year: int, ref: str, src: Source, name: str, line: int | None = None) -> Iterator[Problem]:
    """`enterprise` or `enterprise/unit` must exist, and the enterprise must have facts for the year."""
    enterprise_id, _, unit_id = ref.partition("/")
    if enterprise_id in dataset.failed_ids:
        return
    enterprise = dataset.enterprises.get(enterprise_id)
    if enterprise is not None and (not unit_id or enterprise.unit(unit_id) is not None) and year in enterprise.years:
        return  # the usual case, met for every reference of every record: nothing to look up
    line = line if line is not None else src.line_of(name)
    if enterprise is None:
        yield Problem(
            src.file,
            line,
            name,
            f"找不到编号为「{enterprise_id}」的单位。{_hint(enterprise_id, dataset.enterprises)}"
            f"请检查拼写，或先在 site_data/enterprises/ 建立 {enterprise_id}.yml。",
        )
        return
    if unit_id and enterprise.unit(unit_id) is None:
        known = "、".join(f"{u.id}（{u.name}）" for u in enterprise.units) or "（还没有登记车间班组）"
        # The id the editor probably meant: the nearest spelling among the enterprise's units.
        close = difflib.get_close_matches(unit_id, [u.id for u in enterprise.units], n=1, cutoff=0.6)
        hint = f"是不是「{enterprise_id}/{close[0]}」？" if close else ""
        yield Problem(
            src.file,
            line,
            name,
            f"单位「{enterprise.name}」里没有编号为「{unit_id}」的车间班组。{hint}已登记的有：{known}。"
            f"写错了就改成已登记的编号；确实是新的车间班组，请在 {enterprise.src.file} 的 units 里登记它。",
        )
    if year not in enterprise.years:
        yield Problem(
            src.file,
            line,
            name,
            f"单位「{enterprise.name}」没有 {year} 年的年度情况。请在 {enterprise.src.file} 的 years 下加上 {year}: 一组"
            "（township、union、above_designated_size）。",
        )


def rule_ids_shared_by_unions_and_enterprises(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    """An organiser id must name one thing: a union or an enterprise, not both."""
    for clash in sorted(set(dataset.unions) & set(dataset.enterprises)):
        src = dataset.enterprises[clash].src
        other = dataset.unions[clash].src.file
        yield Problem(src.file, src.line_of("id"), "id", f"编号「{clash}」已被工会 {other} 使用，单位和工会的编号不能相同。")


def rule_enterprise_unions_exist(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    for enterprise in dataset.enterprises.values():
        for year, facts in sorted(enterprise.years.items()):
            if facts.union not in dataset.unions and facts.union not in dataset.failed_ids:
                yield Problem(
                    enterprise.src.file,
                    enterprise.src.line_of(f"years.{year}.union"),
                    f"years.{year}.union",
                    f"找不到编号为「{facts.union}」的工会。{_hint(facts.union, dataset.unions)}已有的工会编号："
                    f"{'、'.join(sorted(dataset.unions))}。",
                )


def rule_campaign_dates(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    for year in dataset.years.values():
        campaign = year.campaign
        src = campaign.src
        if campaign.window.start > campaign.window.end:
            yield Problem(
                src.file,
                src.line_of("window.end"),
                "window.end",
                f"日期范围的结束日期 {_date(campaign.window.end)} 早于开始日期 {_date(campaign.window.start)}。",
            )
        previous_end: dt.date | None = None
        for index, phase in enumerate(campaign.phases, 1):
            name = f"phases[{index}]"
            if phase.start > phase.end:
                yield Problem(
                    src.file,
                    src.line_of(name),
                    name,
                    f"阶段「{phase.name}」开始日期 {_date(phase.start)} 晚于结束日期 {_date(phase.end)}。",
                )
            if previous_end and phase.start <= previous_end:
                yield Problem(
                    src.file, src.line_of(name), name, f"阶段「{phase.name}」与上一阶段重叠：各阶段应按时间先后排列、互不重叠。"
                )
            previous_end = phase.end
            for number, deadline in enumerate(phase.deadlines, 1):
                yield from _in_window(year, deadline.date, src, f"{name}.deadlines[{number}].date")


def _in_window(year: Year, value: dt.date | None, src: Source, name: str) -> Iterator[Problem]:
    window = year.campaign.window
    # A window that ends before it starts is reported once, not against every date of the year.
    if value is not None and window.start <= window.end and not window.start <= value <= window.end:
        yield Problem(
            src.file,
            src.line_of(name),
            name,
            f"日期 {_date(value)} 不在 {year.campaign.year} 年度的日期范围（{_date(window.start)} 至 {_date(window.end)}）内。"
            f"请检查年份是否写错；范围在 {year.campaign.src.file} 的 window 里设定。",
        )


def _competition_ref(year: Year, ref: str, src: Source, name: str, dataset: Dataset) -> Iterator[Problem]:
    if ref not in year.competitions and ref not in dataset.failed_ids:
        yield Problem(
            src.file,
            src.line_of(name),
            name,
            f"{year.campaign.year} 年度没有编号为「{ref}」的竞赛。{_hint(ref, year.competitions)}"
            f"请检查拼写，竞赛记录在 site_data/{year.campaign.year}/competitions/。",
        )


def rule_competitions(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    for number, year in dataset.years.items():
        for competition in year.competitions.values():
            src = competition.src
            if competition.start > competition.end:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"结束日期 {_date(competition.end)} 早于开始日期 {_date(competition.start)}。",
                )
            yield from _in_window(year, competition.start, src, "start")
            yield from _in_window(year, competition.end, src, "end")
            organiser = competition.organiser
            if organiser not in dataset.unions:
                yield from check_unit(dataset, number, organiser, src, "organiser")
            for index, co in enumerate(competition.co_organisers, 1):
                where = f"co_organisers[{index}]"
                if co == organiser:
                    yield Problem(src.file, src.line_of(where), where, f"「{co}」已经是主办单位（organiser），这里不用再写。")
                elif co in competition.units:
                    yield Problem(
                        src.file,
                        src.line_of(where),
                        where,
                        f"「{co}」既写成联合主办单位，又写在参赛单位（units）里。联合主办不是参赛：只组织竞赛的，从 units 里删去；"
                        "也参赛的，从 co_organisers 里删去。",
                    )
                elif co not in dataset.unions:
                    yield from check_unit(dataset, number, co, src, where)
            for index, unit in enumerate(competition.units, 1):
                yield from check_unit(dataset, number, unit, src, f"units[{index}]")
            for index, result in enumerate(competition.results, 1):
                if result.unit:
                    yield from check_unit(dataset, number, result.unit, src, f"results[{index}].unit")
                if result.person and result.person not in year.people and result.person not in dataset.failed_ids:
                    yield Problem(
                        src.file,
                        src.line_of(f"results[{index}].person"),
                        f"results[{index}].person",
                        f"{number} 年度没有编号为「{result.person}」的先进个人。{_hint(result.person, year.people)}",
                    )


def _exemplars(year: Year) -> Iterator[Any]:
    yield from year.collectives.values()
    yield from year.people.values()


def rule_exemplars(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    for number, year in dataset.years.items():
        for record in _exemplars(year):
            src = record.src
            yield from check_unit(dataset, number, record.unit, src, "unit")
            for index, ref in enumerate(record.competitions, 1):
                yield from _competition_ref(year, ref, src, f"competitions[{index}]", dataset)


def pictures(dataset: Dataset) -> Iterator[tuple[Any, str, str]]:
    """Every picture a record names, as (record, field, its alt field): exemplars' photos, news stories'
    pictures and the campaign's banner, all checked and processed alike."""
    for year in dataset.years.values():
        yield year.campaign, "banner", "banner_alt"
        for record in _exemplars(year):
            yield record, "photo", "photo_alt"
        for story in year.news:
            yield story, "photo", "photo_alt"


def photo_problems(dataset: Dataset, readable: Callable[[Path], bool]) -> Iterator[Problem]:
    for record, name, alt in pictures(dataset):
        yield from _photo(record, readable, name, alt)


def _photo(record: Any, readable: Callable[[Path], bool], field: str = "photo", alt: str = "photo_alt") -> Iterator[Problem]:
    src = record.src
    name = getattr(record, field)
    if name is None:
        return
    assert src.path is not None
    folder = src.path.parent
    path = folder / name
    line = src.line_of(field)
    if "/" in name or "\\" in name or name in (".", ".."):
        yield Problem(src.file, line, field, f"「{name}」：只写文件名，照片放在本记录文件旁边。")
        return
    if path.suffix.lower() in HEIC_SUFFIXES:
        yield Problem(
            src.file,
            line,
            field,
            f"「{name}」是苹果手机的 HEIC 格式，网站用不了。请转成 JPG：已拍的照片可以在 iPhone 上“共享→存储到文件”时选 JPG，"
            "或用微信发给自己后保存（会变成 JPG）；以后拍照可在 设置→相机→格式 选“兼容性最佳”。",
        )
        return
    if path.suffix.lower() not in PHOTO_SUFFIXES:
        yield Problem(src.file, line, field, f"「{name}」不是支持的照片格式；请用 {'、'.join(PHOTO_SUFFIXES)}。")
    elif not path.is_file():
        yield Problem(
            src.file,
            line,
            field,
            f"找不到照片「{name}」。请把照片放在 {Path(src.file).parent.as_posix()}/ 里，文件名与这里一致。",
        )
    elif not readable(path):
        yield Problem(src.file, line, field, f"照片「{name}」打不开：文件已损坏，或不是图片。请重新从手机或相机导出这张照片。")
    if not getattr(record, alt):
        yield Problem(src.file, line, alt, f"有照片就要写照片说明（{alt}），告诉看不到图片的读者照片里是什么。")


def ran_competition(year: Year, unit: str, competition_id: str) -> bool:
    """Whether `unit` itself organised or took part in that competition of the year."""
    competition = year.competitions.get(competition_id)
    return competition is not None and competition.involves(unit)


def rule_pioneer_needs_competition(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    """方案「选树典型」：没有开展劳动和技能竞赛的单位不能作为「工人先锋号」推荐对象。"""
    for year in dataset.years.values():
        for collective in year.collectives.values():
            if collective.honour != "工人先锋号":
                continue
            src = collective.src
            cited = [c for c in collective.competitions if c in year.competitions]
            if any(c in dataset.failed_ids for c in collective.competitions):
                continue
            if not collective.competitions:
                yield Problem(
                    src.file,
                    src.line_of("honour"),
                    "competitions",
                    "「工人先锋号」只能授予开展了劳动和技能竞赛的集体（方案「选树典型」）。"
                    "请在 competitions 里写上这个集体组织或参加的竞赛编号。",
                )
            elif cited and not any(ran_competition(year, collective.unit, c) for c in cited):
                yield Problem(
                    src.file,
                    src.line_of("competitions"),
                    "competitions",
                    f"「工人先锋号」只能授予自己开展了劳动和技能竞赛的集体（方案「选树典型」），但所列竞赛"
                    f"（{'、'.join(cited)}）的主办单位和参赛单位里都没有「{collective.unit}」。"
                    "请写上它自己组织或参加的竞赛，或在该竞赛的 units 里补上它。",
                )


def rule_innovations(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    for number, year in dataset.years.items():
        for innovation in year.innovations.values():
            src = innovation.src
            yield from check_unit(dataset, number, innovation.unit, src, "unit")
            if innovation.competition:
                yield from _competition_ref(year, innovation.competition, src, "competition", dataset)
            yield from _in_window(year, innovation.date, src, "date")


def rule_news(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    seen: dict[str, Source] = {}
    for year in dataset.years.values():
        for story in year.news:
            src = story.src
            yield from _in_window(year, story.date, src, "date")
            if story.slug in seen:
                yield Problem(
                    src.file, src.line_of("slug"), "slug", f"网址名「{story.slug}」与 {seen[story.slug].file} 重复，请换一个。"
                )
            seen[story.slug] = src


def rule_calendars(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    """A holiday table of its own is for a year the calendar package lacks: it may not override a published one."""
    for calendar in dataset.calendars.values():
        if published_year(calendar.year):
            yield Problem(
                calendar.src.file,
                calendar.src.line_of("year"),
                "year",
                f"日历库已有 {calendar.year} 年国务院公布的节假日安排，这个文件会与它不一致也不被发现。请删除 {calendar.src.file}"
                "（以日历库为准）；只有日历库还没有的年份才需要自己写。",
            )


def rule_exemplar_ids(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    """A collective and a person of one year may not share an id: a 公示 names its candidates by id alone."""
    for year in dataset.years.values():
        for record_id, person in year.people.items():
            collective = year.collectives.get(record_id)
            if collective is not None:
                yield Problem(
                    person.src.file,
                    person.src.line_of("id"),
                    "id",
                    f"编号「{record_id}」已是先进集体 {collective.src.file} 的编号：公示按编号找公示对象，同一年度的集体和个人"
                    "不能同名。请给其中一个换一个编号（改文件名和 id）。",
                )


def rule_register_totals(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    yield from check_register(dataset)


def rule_submissions(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    for number, year in dataset.years.items():
        for submission in year.submissions.values():
            src = submission.src
            if "/" in submission.unit:
                yield Problem(src.file, src.line_of("unit"), "unit", "报送材料的是整个单位的工会：只写企业编号，不写车间班组。")
                continue
            yield from check_unit(dataset, number, submission.unit, src, "unit")
            yield from _in_window(year, submission.plan_filed, src, "plan_filed")
            for key, day in submission.evidence.items():
                yield from _in_window(year, day, src, f"evidence.{key}")


def rule_announcements(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    """公示: candidates exist, dates fit, and the period holds at least five working days."""
    tables = {c.year: YearTable(frozenset(c.holidays), frozenset(c.workdays)) for c in dataset.calendars.values()}
    for number, year in dataset.years.items():
        for announcement in year.announcements.values():
            src = announcement.src
            for index, candidate in enumerate(announcement.candidates, 1):
                if candidate not in year.collectives and candidate not in year.people and candidate not in dataset.failed_ids:
                    yield Problem(
                        src.file,
                        src.line_of(f"candidates[{index}]"),
                        f"candidates[{index}]",
                        f"{number} 年度没有编号为「{candidate}」的先进集体或先进个人。{_hint(candidate, [*year.collectives, *year.people])}",
                    )
            yield from _in_window(year, announcement.start, src, "start")
            yield from _in_window(year, announcement.end, src, "end")
            if announcement.end < announcement.start:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"公示结束日期 {_date(announcement.end)} 早于开始日期 {_date(announcement.start)}。",
                )
                continue
            try:
                days = count_workdays(announcement.start, announcement.end, tables)
            except UnknownYear as unknown:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"日历库还没有 {unknown.year} 年的节假日安排，无法核对公示期。请按国务院公布的安排建立 site_data/calendar/{unknown.year}.yml。",
                )
                continue
            minimum = year.settings.announcement_workdays
            if days < minimum:
                yield Problem(
                    src.file,
                    src.line_of("end"),
                    "end",
                    f"公示期 {_date(announcement.start)} 至 {_date(announcement.end)} 只有 {days} 个工作日（按国务院节假日安排，含调休），"
                    f"至少要 {minimum} 个工作日（本地设置 announcement_workdays）。请推迟结束日期。",
                )


def rule_former_ids(dataset: Dataset, data_dir: Path) -> Iterator[Problem]:
    """A former id keeps an old address: it may be no other record's address, now or before."""
    for year in dataset.years.values():
        for table, reserved in (
            (year.competitions, RESERVED_COMPETITION_IDS),
            (year.collectives, RESERVED_EXEMPLAR_IDS),
            (year.people, RESERVED_EXEMPLAR_IDS),
        ):
            taken: dict[str, Source] = {record_id: record.src for record_id, record in table.items()}
            for record in table.values():
                for index, old in enumerate(record.former_ids, 1):
                    name = f"former_ids[{index}]"
                    if old == record.id:
                        message = f"曾用编号「{old}」就是现在的编号：只写改名前的编号。"
                    elif old in taken:
                        message = f"曾用编号「{old}」已是 {taken[old].file} 的编号或曾用编号，旧网址不能同时指向两条记录。"
                    elif reserved.match(old):
                        message = f"「{old}」是网站保留的名字，不会是原来的编号。"
                    else:
                        taken[old] = record.src
                        continue
                    yield Problem(record.src.file, record.src.line_of(name), name, message)


RULES: list[Rule] = [
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
]


def check_all(dataset: Dataset, data_dir: Path, readable: Callable[[Path], bool] = readable_image) -> list[Problem]:
    """Run every rule over the dataset and return all problems found; `readable` tells a whole photo."""
    return [problem for rule in RULES for problem in rule(dataset, data_dir)] + list(photo_problems(dataset, readable))
