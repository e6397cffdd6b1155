"""YAML that does not parse: the slip's own line, and how to write it, in Chinese."""

from generator.yamlio import load_yaml


def test_syntax_error_names_line_and_column():
    data, problems = load_yaml("name: 甲\n  honour: [工人先锋号\n", "b.yml")
    assert data is None
    assert len(problems) == 1
    assert problems[0].file == "b.yml"
    assert problems[0].line == 2
    assert problems[0].message.startswith("YAML 格式错误")
    assert "冒号" in problems[0].message


def test_a_tab_is_named_as_the_slip():
    _, problems = load_yaml("name: 甲\nunits:\n\t- x\n", "t.yml")
    assert [(p.line, p.message) for p in problems] == [
        (3, "YAML 格式错误（第 1 列）：用了 Tab 键缩进。YAML 只能用空格缩进，请把 Tab 换成空格。")
    ]


def test_an_unclosed_quote_is_found_where_it_opened_not_at_the_end_of_the_file():
    _, problems = load_yaml('name: "甲\npost: 钳工\nhonour: 技术能手\n', "q.yml")
    assert [p.line for p in problems] == [1]
    assert problems[0].message.startswith('这一行的引号「"」没有配对')
