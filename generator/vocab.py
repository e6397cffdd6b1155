"""Controlled vocabularies of the plan, each label with the short ASCII code used in URLs.

Editors write the Chinese label; the code keeps printed links and QR codes short.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType


def _codes(pairs: list[tuple[str, str]]) -> Mapping[str, str]:
    return MappingProxyType(dict(pairs))


# The five streams of competition (竞赛内容), in the plan's order.
STREAMS = _codes(
    [
        ("职工建功立业竞赛", "jiangong"),
        ("群众性创新竞赛", "chuangxin"),
        ("职工技能素质提升竞赛", "jineng"),
        ("安康杯竞赛", "ankangbei"),
        ("班组创先争优竞赛", "banzu"),
    ]
)

FORMS = _codes([("生产型", "shengchan"), ("技能型", "jineng"), ("智能型", "zhineng")])

TOWNSHIPS = _codes(
    [
        ("城厢镇", "chengxiang"),
        ("南圩镇", "nanxu"),
        ("雁江镇", "yanjiang"),
        ("那桐镇", "natong"),
        ("乔建镇", "qiaojian"),
        ("丁当镇", "dingdang"),
        ("屏山乡", "pingshan"),
        ("古潭乡", "gutan"),
        ("都结乡", "doujie"),
        ("布泉乡", "buquan"),
        ("隆安华侨管理区", "huaqiao"),
    ]
)

# Industries named in the plan, plus catch-alls for the rest.
INDUSTRIES = _codes(
    [
        ("新能源汽车", "xinnengyuan"),
        ("生物医药", "shengwu-yiyao"),
        ("林产品加工", "linchanpin"),
        ("食品加工", "shipin"),
        ("轻工制造", "qinggong"),
        ("物流配送", "wuliu"),
        ("文化旅游", "wenlv"),
        ("建筑施工", "jianzhu"),
        ("危险物品生产经营", "weixianpin"),
        ("现代农业", "nongye"),
        ("教育", "jiaoyu"),
        ("医疗卫生", "yiliao"),
        ("公用事业", "gongyong"),
        ("其他服务业", "fuwu"),
        ("其他制造业", "zhizao"),
    ]
)

OWNERSHIPS = ("国有企业", "集体企业", "民营企业", "外资企业", "事业单位", "机关")

UNION_KINDS = ("县总工会", "乡镇工会", "管理区工会", "教育工会", "产业工会", "企事业单位工会")

SUB_UNIT_KINDS = ("车间", "工段", "班组", "科室")

COLLECTIVE_HONOURS = ("工人先锋号", "先进集体", "安康杯优胜班组", "优秀班组")
PERSON_HONOURS = ("工人先锋岗", "技术能手", "先进个人", "创新能手", "安全生产标兵", "岗位练兵能手")

LEVELS = ("县级", "市级", "自治区级", "全国")
RECOMMENDED_LEVELS = ("市级", "自治区级")

# 五小 first, then the other forms of mass innovation the plan lists.
INNOVATION_KINDS = (
    "小发明",
    "小创造",
    "小革新",
    "小设计",
    "小建议",
    "技术革新",
    "技术协作",
    "发明创造",
    "合理化建议",
    "网上练兵",
)

AWARDS = ("一等奖", "二等奖", "三等奖", "优秀奖", "特等奖", "团体一等奖", "团体二等奖", "团体三等奖")

TARGET_GROUPS = ("规模以上国有企业", "规模以上建筑企业", "规模以上服务业", "非公企业及小微企业")
