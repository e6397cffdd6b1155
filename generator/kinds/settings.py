"""The county's own settings (`site_data/settings.yml`): its name, its union, and its word lists.

Everything that differs from one county or city to the next lives here, not in the code: the
townships, the industries and how they count towards the coverage groups, the groups themselves,
the honours, the innovation kinds, the evidence kinds, the 公示 minimum and the committee's name.
What a county leaves out is taken from the national defaults in `generator/defaults/settings.yml`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from ..fieldtypes import Boolean, Choice, Identifier, Integer, ListOf, Object, Text
from ..footer import ICP, POLICE, PORTAL
from ..schema import Where, check_fields, described, fields_of
from ..yamlio import load_yaml
from .common import Kind, Source, declared

NATIONAL = Path(__file__).resolve().parent.parent / "defaults" / "settings.yml"
# The statistics office's sectors (三次产业, with 建筑业 on its own as the targets count it).
SECTORS = ("农业", "工业", "建筑业", "服务业")
CODE = re.compile(r"^[a-z][a-z0-9_]*$")


@declared
class Named:
    """A word and the short ASCII code used for it in web addresses and field names."""

    name: str = described("名称", "名称。", Text(40))
    code: str = described("网址代码", "网址里用的代码：小写英文字母、数字和连字符。", Identifier("code"))


def named(example: str, code_example: str) -> Object:
    """A list item of a word and its code (a township, a stream), with examples of its own."""
    name, code = fields_of(Named)
    return Object(
        Named,
        fields=[
            replace(name, help=f"名称，如 {example}。"),
            replace(code, help=f"{code.help[:-1]}，如 {code_example}。", type=Identifier(code_example)),
        ],
    )


@declared
class Industry:
    name: str = described("名称", "行业名称，如 制造业。", Text(40))
    code: str = described("网址代码", "网址里用的代码，如 zhizao。", Identifier("zhizao"))
    sector: str = described("产业", "所属产业：" + "、".join(SECTORS) + "。", Choice(SECTORS))


@declared
class Condition:
    """What an enterprise must be, all at once, to count in a group; an item left out is not asked."""

    ownership: list[str] = described(
        "性质", "单位性质（ownerships 里的），写一个或几个，如 [民营企业, 外资企业]。", ListOf(Text(40)), False, list
    )
    sector: list[str] = described(
        "产业", "行业所属的产业：" + "、".join(SECTORS) + "，写一个或几个。", ListOf(Choice(SECTORS)), False, list
    )
    above_designated_size: bool | None = described(
        "规模以上", "true：只算规模以上企业；false：只算规模以下的。不写则不论。", Boolean(), False
    )
    small_or_micro: bool | None = described(
        "小微企业", "true：只算登记为小微企业的；false：只算不是小微的。不写则不论。", Boolean(), False
    )

    def holds(self, ownership: str, sector: str, above: bool, small: bool) -> bool:
        return (
            (not self.ownership or ownership in self.ownership)
            and (not self.sector or sector in self.sector)
            and (self.above_designated_size is None or self.above_designated_size == above)
            and (self.small_or_micro is None or self.small_or_micro == small)
        )


@declared
class Group:
    """A coverage group of the plan's targets: an enterprise is in it when any of its conditions holds."""

    name: str = described("名称", "类别名称，如 规模以上国有企业。", Text(40))
    code: str = described(
        "字段名", "企业名录里这一类的字段名：小写英文字母、数字和下划线，如 state_owned。", Text(30, CODE, "state_owned")
    )
    when: list[Condition] = described(
        "条件",
        "满足其中任一条即算在这一类；每条写 ownership、sector、above_designated_size、small_or_micro 中的几项。",
        ListOf(Object(Condition), 1),
    )


@declared
class Family:
    """Innovation kinds shown together with their total, such as 五小."""

    name: str = described("名称", "系列名称，如 五小。", Text(10))
    kinds: list[str] = described("类别", "包含的类别（innovation_kinds 里的）。", ListOf(Text(20), 1))


@declared
class Evidence:
    """A kind of material a grassroots union hands in, and the field it is recorded under."""

    name: str = described("名称", "材料名称，如 活动方案。", Text(20))
    code: str = described("字段名", "字段名，如 activity_plan。", Text(30, CODE, "activity_plan"))


@declared
class Settings:
    county: str = described("县（市）", "本县（市、区）的名称，如 某某县。网站名称、标题和说明都由它而来。", Text(20))
    union: str = described("工会名称", "主办的工会全称，如 某某县总工会。", Text(40))
    committee: str = described(
        "组委会名称", "竞赛组织机构的简称，如 组委会、竞赛委员会；用在截止事项、报送进度等处。", Text(12), False
    )
    townships: list[Named] = described(
        "乡镇",
        "本县（市）的乡镇、街道、园区或管理区，每项写 name（名称）和 code（网址代码），按要显示的顺序。",
        ListOf(named("城关镇", "chengguan"), 1),
    )
    industries: list[Industry] = described(
        "行业",
        "行业：name、code 和 sector（所属产业：" + "、".join(SECTORS) + "）。覆盖率的企业类别按产业判断。",
        ListOf(Object(Industry), 1),
        False,
    )
    ownerships: list[str] = described("单位性质", "单位性质的列表，如 国有企业、民营企业、事业单位。", ListOf(Text(40), 1), False)
    groups: list[Group] = described(
        "覆盖率企业类别",
        "方案目标任务里的企业类别：name、code（各乡镇企业名录里这一类的字段名，小写英文和下划线）、when（条件，满足任一条即算）。",
        ListOf(Object(Group)),
        False,
    )
    streams: list[Named] = described(
        "竞赛内容",
        "方案的竞赛内容，每项 name 和 code，按方案的顺序。",
        ListOf(named("职工建功立业竞赛", "jiangong"), 1),
        False,
    )
    forms: list[Named] = described("竞赛形式", "竞赛形式，每项 name 和 code。", ListOf(named("生产型", "shengchan"), 1), False)
    union_kinds: list[str] = described("工会类别", "工会类别的列表。", ListOf(Text(20), 1), False)
    sub_unit_kinds: list[str] = described("车间班组类别", "企业内部单位的类别，如 车间、班组。", ListOf(Text(10), 1), False)
    collective_honours: list[str] = described("集体荣誉", "先进集体的荣誉名称，高的在前。", ListOf(Text(20), 1), False)
    person_honours: list[str] = described("个人荣誉", "先进个人的荣誉名称，高的在前。", ListOf(Text(20), 1), False)
    levels: list[str] = described("荣誉级别", "荣誉级别，低的在前；第一项是不写级别时的默认级别。", ListOf(Text(10), 1), False)
    recommended_levels: list[str] = described("推荐级别", "择优推荐参加上级评选的级别（levels 里的）。", ListOf(Text(10)), False)
    innovation_kinds: list[str] = described("创新成果类别", "群众性创新成果的类别。", ListOf(Text(20), 1), False)
    innovation_families: list[Family] = described(
        "成果系列", "合在一起显示合计的几类成果，如 五小：name 和 kinds。", ListOf(Object(Family)), False
    )
    awards: list[str] = described("奖项", "竞赛奖项的名称。", ListOf(Text(20), 1), False)
    evidence_kinds: list[Evidence] = described(
        "佐证材料",
        "基层工会报送的佐证材料：name 和 code（报送记录 evidence 下的字段名，小写英文和下划线）。",
        ListOf(Object(Evidence), 1),
        False,
    )
    announcement_workdays: int = described("公示工作日数", "评选结果公示至少多少个工作日，如 5。", Integer(1), False)
    # The footer's marks: each shown only when filled in, so a county that has none yet shows no empty line.
    portal: str | None = described(
        "工会门户网站",
        "工会门户网站的网址，以 https:// 或 http:// 开头；每页页脚链接到它。不填则不显示。",
        Text(200, PORTAL, "https://www.example.gov.cn/"),
        False,
    )
    icp: str | None = described(
        "ICP 备案号",
        "网站的 ICP 备案号，照工信部备案系统写，如 桂ICP备12345678号-1；每页页脚显示，链接到备案查询网站。"
        "放在工会门户网站下的，填门户网站的。",
        Text(40, ICP, "桂ICP备12345678号-1"),
        False,
    )
    police: str | None = described(
        "公安机关备案号",
        "网站的公安机关备案号，照全国互联网安全管理服务平台写，如 桂公网安备 45010202000123号；每页页脚显示，链接到备案查询网站。",
        Text(40, POLICE, "桂公网安备 45010202000123号"),
        False,
    )
    src: Source = field(compare=False)

    def terms(self, name: str) -> list[str] | None:
        """The words of a list (`townships`), or the codes of one (`townships.codes`).

        Asked for every checked field of every record: made once per settings, not per call.
        """
        return self._words.get(name)

    @functools.cached_property
    def _words(self) -> dict[str, list[str]]:
        words: dict[str, list[str]] = {"sectors": list(SECTORS)}
        for f in FIELDS:
            items = getattr(self, f.name)
            if not isinstance(items, list):
                continue
            words[f.name] = [item if isinstance(item, str) else item.name for item in items]
            if items and hasattr(items[0], "code"):
                words[f"{f.name}.codes"] = [item.code for item in items]
        return words

    def codes(self, list_name: str) -> dict[str, str]:
        """Word → code of a list of named words (streams, forms, townships, industries)."""
        return {item.name: item.code for item in getattr(self, list_name)}

    def sector_of(self, industry: str) -> str:
        return next((i.sector for i in self.industries if i.name == industry), "")

    def groups_of(self, ownership: str, industry: str, above: bool, small: bool) -> list[Group]:
        """The coverage groups an enterprise counts in; one enterprise may count in several."""
        sector = self.sector_of(industry)
        return [g for g in self.groups if any(c.holds(ownership, sector, above, small) for c in g.when)]


FIELDS = fields_of(Settings)
# What every county may leave out: taken from the national defaults.
OPTIONAL = [f.name for f in FIELDS if not f.required]


@functools.cache
def national() -> dict[str, Any]:
    """The national defaults, checked with the same fields as a county's settings."""
    data, problems = load_yaml(NATIONAL.read_text(encoding="utf-8"), str(NATIONAL))
    where = Where(str(NATIONAL))
    values = check_fields(data or {}, [replace(f, required=False) for f in FIELDS], where)
    if problems or values is None:  # a broken package, not an editor's mistake
        raise RuntimeError("\n".join(str(p) for p in [*problems, *where.problems]))
    return {name: values[name] for name in OPTIONAL}


def build(src: Source, **values: Any) -> Settings:
    defaults = national()
    return Settings(**{k: defaults[k] if v is None and k in defaults else v for k, v in values.items()}, src=src)


KIND = Kind("settings", "本地设置", Settings, file="settings", build=build)


def national_settings() -> Settings:
    """The national defaults as settings of a county with no name and no townships (while its own fail)."""
    return Settings(county="", union="", townships=[], **national(), src=Source(str(NATIONAL)))
