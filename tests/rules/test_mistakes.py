"""The slips editors really make, each in a real file: the message names the file, the line and the fix.

Encodings (GBK, UTF-16, a BOM, Windows line ends) and tabs are covered in test_validate.py.
"""

from __future__ import annotations

from ..conftest import edit, problems

PERSON = "site_data/2023/people/huang-ceshi.yml"
COMP = "site_data/2023/competitions/zhuangpei.yml"


def test_full_width_colon_after_a_key(project):
    edit(project, PERSON, "post: 压榨工", "post：压榨工")
    assert problems(project) == [
        "site_data/2023/people/huang-ceshi.yml:4: post: 字段名后面用了中文冒号「：」。请改成英文冒号「:」，冒号后面空一格，如 name: 张明。"
    ]


def test_full_width_space_as_indent(project):
    edit(project, COMP, "  - peijian/zongzhuang\nstart", "\u3000- peijian/zongzhuang\nstart")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:9: 行首用了全角空格（中文输入法的空格）缩进。请删掉，改用英文半角空格。"
    ]


def test_leading_zero_read_as_a_number(project):
    edit(project, PERSON, "post: 压榨工", "post: 0771")
    assert problems(project) == [
        "site_data/2023/people/huang-ceshi.yml:4: post: 应为文字，却读到了数字「0771」。开头的 0 会被 YAML 当作数字丢掉（读成了 505）。"
        '请给值加上英文引号，如 post: "0771"。'
    ]


def test_time_read_as_a_base_60_number(project):
    edit(project, PERSON, "post: 压榨工", "post: 8:30")
    assert problems(project) == [
        "site_data/2023/people/huang-ceshi.yml:4: post: 应为文字，却读到了数字「8:30」。「8:30」被 YAML 当作六十进制数字读成了 510。"
        '请给值加上英文引号，如 post: "8:30"。'
    ]


def test_yes_read_as_true(project):
    edit(project, PERSON, "post: 压榨工", "post: yes")
    assert problems(project) == [
        'site_data/2023/people/huang-ceshi.yml:4: post: 应为文字，却读到了是非值（true/false）「yes」。请给值加上英文引号，如 post: "yes"。'
    ]


def test_dates_with_dots_and_full_width_digits(project):
    edit(project, COMP, "start: 2023-06-10", "start: 2023.6.10")
    edit(project, COMP, "end: 2023-09-30", "end: ２０２３-０９-３０")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:10: start: 「2023.6.10」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。是不是「2023-06-10」？",
        "site_data/2023/competitions/zhuangpei.yml:11: end: 「２０２３-０９-３０」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。"
        "用了全角数字，请改成半角：「2023-09-30」。",
    ]


def test_full_width_digits_in_a_number(project):
    edit(project, COMP, "participants: 40", "participants: ４０")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数，却读到了文字「４０」。用了全角数字，请改成半角。请写成如 participants: 86。"
    ]


def test_chinese_quotes_meant_as_yaml_quotes(project):
    edit(project, PERSON, "name: 黄测试", "name: “黄测试”")
    assert problems(project) == [
        'site_data/2023/people/huang-ceshi.yml:2: name: 值两边用了中文引号：“黄测试”。中文引号会原样显示出来；YAML 的引号要用英文 "，不需要时可以不加引号。'
    ]


def test_a_list_typed_on_one_line(project):
    edit(project, COMP, "compares:\n  - 装配精度", "compares: 装配精度、装配速度")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:12: compares: 应为列表，却读到了文字。看起来是用顿号或逗号写在了一行里；请每项单独一行，以「- 」开头，如：\n"
        "    compares:\n      - 第一项\n      - 第二项"
    ]


def test_no_space_after_a_colon_is_named_on_its_own_line(project):
    edit(project, PERSON, "post: 压榨工", "post:压榨工")
    assert problems(project) == [
        "site_data/2023/people/huang-ceshi.yml:4: post: 冒号「:」后面缺少空格，YAML 把整行「post:压榨工」当成了文字。"
        "请在冒号后面空一格：post: 压榨工"
    ]


def test_a_control_character_pasted_from_word_is_named_with_its_line(project):
    edit(project, PERSON, "post: 压榨工", "post: 压榨\x0b工")
    assert problems(project) == [
        "site_data/2023/people/huang-ceshi.yml:4: 第 9 列有一个Word 里的手动换行（Shift+回车）（U+000B），"
        "多是从 Word 或网页复制文字时带进来的，YAML 不能读取。请删掉它：把这一行的文字删掉重新输入，或粘贴时选择“只保留文本”。"
    ]


def test_an_unclosed_quote_is_reported_where_it_opened(project):
    edit(project, PERSON, "post: 压榨工", 'post: "压榨工')
    assert problems(project) == [
        'site_data/2023/people/huang-ceshi.yml:4: 这一行的引号「"」没有配对：值的开头有引号，结尾没有。'
        '请在值的末尾补上同样的英文引号 "，或去掉开头的引号。'
    ]


def test_an_optional_field_the_form_editor_cleared_is_not_filled_in(project):
    # Decap CMS writes a cleared field as "" (a list as []): the same as leaving it out.
    edit(project, PERSON, "summary: 节能能手。", 'summary: 节能能手。\nawarded_by: ""\nachievements: []\nphoto_alt: ""')
    assert problems(project) == []
    edit(project, PERSON, "post: 压榨工", 'post: ""')  # a required field still must be filled in
    assert problems(project) == ["site_data/2023/people/huang-ceshi.yml:4: post: 不能为空。"]
