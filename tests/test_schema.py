import datetime as dt

from generator.fieldtypes import Choice, Date, Integer, ListOf, Text
from generator.schema import Field, Where, check_fields, fields_json
from generator.yamlio import load_yaml

FIELDS = [
    Field("name", "姓名", "姓名。", Text(20)),
    Field("honour", "荣誉", "获得的荣誉。", Choice(["工人先锋号", "先进集体"])),
    Field("date", "日期", "日期。", Date(), required=False),
    Field("count", "人数", "人数。", Integer(0), required=False),
    Field("items", "成绩", "成绩。", ListOf(Text(40)), required=False, default=list),
]


def run(text: str) -> tuple[dict | None, list[str]]:
    data, problems = load_yaml(text, "r.yml")
    assert problems == []
    where = Where("r.yml")
    values = check_fields(data, FIELDS, where)
    return values, [str(p) for p in where.problems]


def test_valid_values_are_normalised_and_defaults_filled():
    values, problems = run("name: 张三 \nhonour: 工人先锋号\ndate: 2023-06-15\n")
    assert problems == []
    assert values == {"name": "张三", "honour": "工人先锋号", "date": dt.date(2023, 6, 15), "count": None, "items": []}


def test_every_problem_of_a_record_is_reported():
    _, problems = run("nmae: 张三\nhonour: 工人先锋\ndate: 2023/5/25\ncount: 十\nitems: 一等奖、二等奖\n")
    assert problems == [
        "r.yml:1: nmae: 未知字段「nmae」。是不是想写「name」？可用的字段：name、honour、date、count、items。",
        "r.yml:1: name: 缺少必填字段「name」（姓名）：姓名。",
        "r.yml:2: honour: 「工人先锋」不在允许范围内；可选：工人先锋号、先进集体。",
        "r.yml:3: date: 「2023/5/25」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。是不是「2023-05-25」？",
        "r.yml:4: count: 应为整数，却读到了文字「十」。请写成如 count: 86。",
        "r.yml:5: items: 应为列表，却读到了文字。看起来是用顿号或逗号写在了一行里；请每项单独一行，以「- 」开头，如：\n"
        "    items:\n      - 第一项\n      - 第二项",
    ]


def test_yes_no_read_as_boolean_gets_quoting_advice():
    _, problems = run("name: no\nhonour: 先进集体\n")
    assert problems == ['r.yml:1: name: 应为文字，却读到了是非值（true/false）「no」。请给值加上英文引号，如 name: "no"。']


def test_list_item_problem_points_at_the_item_line():
    _, problems = run("name: 甲\nhonour: 先进集体\nitems:\n  - 好\n  - 3\n")
    assert problems == ['r.yml:5: items[2]: 应为文字，却读到了数字「3」。请给值加上英文引号，如 - "3"。']


def test_json_schema_carries_chinese_titles_and_enums():
    schema = fields_json(FIELDS)
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["name", "honour"]
    assert schema["properties"]["honour"] == {
        "title": "荣誉",
        "description": "获得的荣誉。",
        "type": "string",
        "enum": ["工人先锋号", "先进集体"],
    }
