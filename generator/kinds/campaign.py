"""The campaign record of one year: the plan's facts (phases, deadlines, targets, committee)."""

from __future__ import annotations

import datetime as dt
from dataclasses import field

from ..fieldtypes import Boolean, Choice, Date, Identifier, Integer, ListOf, Markdown, Object, Term, TermMap, Text
from ..schema import described
from .common import Kind, Source, declared, picture, picture_alt

# What a 公示 shows of each candidate, as the campaign decides.
NAME_UNIT_POST, NAME_UNIT = "姓名、单位和岗位", "姓名和单位"

DUTIES = {"plan": "竞赛方案备案", "evidence": "佐证材料"}


@declared
class Deadline:
    date: dt.date = described("截止日期", "截止日期。", Date())
    what: str = described("事项", "要完成的事项。", Text(100))
    # Which submission it is due for: "plan" or "evidence".
    duty: str | None = described(
        "报送事项",
        "这个截止日期管的是哪项报送：plan（竞赛方案备案）或 evidence（佐证材料）；报送进度表据此判断按时、逾期。",
        Choice(list(DUTIES)),
        required=False,
    )


@declared
class Phase:
    id: str = described("编号", "阶段编号，如 launch。", Identifier("launch"))
    name: str = described("名称", "阶段名称，如 宣传发动阶段。", Text(30))
    start: dt.date = described("开始", "开始日期。", Date())
    end: dt.date = described("结束", "结束日期。", Date())
    tasks: str = described("主要任务", "本阶段主要任务。", Text(300))
    deadlines: list[Deadline] = described(
        "截止事项", "本阶段的截止事项，每项写 date 和 what。", ListOf(Object(Deadline)), required=False, blank=list
    )


@declared
class Target:
    group: str = described("企业类别", "企业类别。", Term("groups"))
    percent: int = described("目标覆盖率", "目标覆盖率（%），如 80。", Integer(0))


@declared
class Official:
    name: str = described("姓名", "姓名。", Text(20))
    title: str = described("职务", "职务，照文件写。", Text(80))


@declared
class Office:
    location: str = described("地点", "办公地点，如 县总工会402室。", Text(60))
    director: str = described("主任", "办公室主任姓名。", Text(20))
    director_title: str = described("主任职务", "办公室主任的职务。", Text(80))
    duties: str = described("职责", "办公室职责。", Text(200))


@declared
class Committee:
    name: str = described("名称", "组委会名称。", Text(60))
    leaders: list[Official] = described("组长", "组长，每人写 name 和 title。", ListOf(Object(Official), 1))
    deputy_leaders: list[Official] = described(
        "副组长", "副组长，每人写 name 和 title。", ListOf(Object(Official)), required=False, blank=list
    )
    member_units: list[str] = described("成员单位", "成员单位，每个一行。", ListOf(Text(40)))
    members_note: str = described("成员说明", "成员的说明，如 各单位各1名分管领导。", Text(200))
    office: Office = described("办公室", "组委会办公室：location、director、director_title、duties。", Object(Office))


@declared
class Contact:
    name: str = described("名称", "联系部门，如 组委会办公室。", Text(40))
    address: str | None = described("地址", "地址。", Text(100), required=False)
    phone: str | None = described("办公电话", "对外公开的办公电话。", Text(40), required=False)
    email: str | None = described("邮箱", "对外公开的单位邮箱。", Text(60), required=False)
    hours: str | None = described("办公时间", "办公时间。", Text(60), required=False)
    note: str | None = described("说明", "补充说明。", Text(200), required=False)


@declared
class Notice:
    title: str = described("标题", "通知标题。", Text(100))
    number: str | None = described("文号", "发文字号，可不填。", Text(40), required=False)
    date: dt.date = described("日期", "印发日期。", Date())
    addressees: str = described("主送", "主送单位，照文件写。", Text(200))


@declared
class Register:
    """How many enterprises of each target group a township has, from the county's registers."""

    township: str = described("乡镇", "乡镇（或园区、管理区）。", Term("townships"))
    counts: dict[str, int]  # by the code of the group (本地设置 groups)

    def total(self, code: str) -> int:
        return self.counts.get(code, 0)


@declared
class Window:
    start: dt.date = described("开始", "最早日期。", Date())
    end: dt.date = described("结束", "最晚日期。", Date())


@declared
class Campaign:
    year: int = described("年度", "竞赛年度，与所在文件夹同名，如 2023。", Integer(2000))
    title: str = described("名称", "活动名称，如 2023年某某县劳动和技能竞赛。", Text(60))
    issuer: str = described("主办单位", "印发方案、组织竞赛的单位，如 某某县总工会。", Text(40))
    sample: bool = described(
        "示例数据",
        "本数据是否为示例：true 时每页显示「示例数据」提示并禁止搜索引擎收录。正式数据写 false。",
        Boolean(),
    )
    as_of: dt.date | None = described(
        "统计日期",
        "网站按哪一天计算当前阶段和下一截止日期；不填则用生成网站当天（北京时间）。",
        Date(),
        required=False,
    )
    slogan: str = described("口号", "首页横幅上的一句话，如 以赛促学、以赛促训、以赛促练。", Text(40))
    banner: str | None = picture(
        "横幅图片",
        "banner.jpg（宽图，宽高比约 3:1，宽 1920 像素以上为好）",
        "不填则用活动名称和口号排成的红色横幅。",
    )
    banner_alt: str | None = picture_alt("横幅图片")
    co_organisers: list[str] = described(
        "协办单位",
        "协办或支持单位，每个一行；显示在每页页脚的「协办」一行。不填则不显示这一行。",
        ListOf(Text(40)),
        required=False,
        blank=list,
    )
    intro: str = described("简介", "首页的活动简介，一两段，可用 Markdown。", Markdown(1000))
    notice: Notice = described(
        "印发通知",
        "印发方案的通知：title（标题）、number（文号，可不填）、date（日期）、addressees（主送单位）。",
        Object(Notice),
    )
    plan_text: str = described("方案正文", "方案全文所在的 Markdown 文件，相对 content/ 文件夹，如 plans/2023.md。", Text(100))
    window: Window = described(
        "日期范围",
        "本年度记录（竞赛、新闻等）的日期允许范围：start 和 end。总结报道常在次年初，所以 end 可到次年。",
        Object(Window),
    )
    phases: list[Phase] = described(
        "竞赛阶段",
        "各阶段：id、name、start、end、tasks（主要任务）、deadlines（截止事项，每项 date 和 what）。",
        ListOf(Object(Phase), min_items=1),
    )
    targets: list[Target] = described(
        "目标任务", "各类企业的竞赛覆盖率目标：group（企业类别）和 percent（百分比，整数）。", ListOf(Object(Target))
    )
    committee: Committee = described(
        "组委会",
        "组委会：name、leaders（组长）、deputy_leaders（副组长）、member_units（成员单位）、members_note、office（办公室）。",
        Object(Committee),
    )
    contacts: list[Contact] = described(
        "公开联系方式",
        "在「联系我们」公开的联系方式。只填单位对外公开的办公电话和邮箱，不要填个人手机号。",
        ListOf(Object(Contact), min_items=1),
    )
    register_source: str | None = described(
        "企业名录来源",
        "覆盖率分母的来源，如 县统计局2023年规上企业名录、县市场监管局小微企业名录。",
        Text(120),
        required=False,
    )
    register: list[Register] = described(
        "各乡镇企业数",
        "按企业名录登记每个乡镇各类企业的总数，作为竞赛覆盖率的分母；每个乡镇一项：township 和每个企业类别的字段名（本地设置 groups 的 code，如 state_owned: 3）。不填则数据看板的覆盖率显示“无数据”。",
        # One count per coverage group, named by the group's code: state_owned: 3 (按企业名录，不是只数有记录的).
        ListOf(Object(Register, more=("counts", TermMap("groups", Integer(0), "类别字段名")))),
        required=False,
        blank=list,
    )
    announcement_shows: str = described(
        "公示内容",
        "公示页面上每个公示对象显示什么：姓名、单位和岗位（默认），或只显示 姓名和单位。",
        Choice([NAME_UNIT_POST, NAME_UNIT]),
        required=False,
        blank=NAME_UNIT_POST,
    )
    public_verdicts: bool = described(
        "公开达标情况",
        "网站上是否给各类企业、各乡镇的覆盖率标注“达标/未达标”。默认 false：只写覆盖率和目标（如 已覆盖 66.6%，目标 80%），"
        "不给单位和乡镇贴“未达标”；组委会办公室的内部报表总是标注。",
        Boolean(),
        required=False,
        blank=False,
    )
    public_submissions: bool = described(
        "公开报送进度",
        "是否在网站上公开各基层工会的报送进度表。默认 false：只放在组委会办公室的内部报表（office/）里。",
        Boolean(),
        required=False,
        blank=False,
    )
    src: Source = field(compare=False)


KIND = Kind("campaign", "年度竞赛", Campaign, per_year=True, file="campaign")
