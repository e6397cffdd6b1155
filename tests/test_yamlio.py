from generator.yamlio import LinedDict, LinedList, field_lines, load_yaml


def test_lines_of_keys_and_items_are_kept():
    data, problems = load_yaml("id: a\nunits:\n  - x\n  - y\nyears:\n  2023:\n    township: 城厢镇\n", "f.yml")
    assert problems == []
    assert isinstance(data, LinedDict) and isinstance(data["units"], LinedList)
    assert data.line_of("units") == 2
    assert data["units"].line_of(1) == 4
    assert field_lines(data)["years.2023.township"] == 7
    # Year keys come back as text, so that every key of a record is a string.
    assert list(data["years"]) == ["2023"]


def test_duplicate_key_is_reported_with_both_lines():
    _, problems = load_yaml("name: 甲\nhonour: 工人先锋号\nname: 乙\n", "a.yml")
    assert [str(p) for p in problems] == ["a.yml:3: name: 字段重复：第 1 行已经写过「name」，同一条记录里每个字段只能写一次。"]


def test_scalar_source_text_is_kept_for_messages():
    data, _ = load_yaml("name: no\n", "c.yml")
    assert data["name"] is False
    assert data.scalars["name"] == "no"
