from generator.guide import END, EXAMPLES_END, EXAMPLES_START, START, examples, field_reference

from .conftest import REPO


def test_editing_guide_field_tables_are_current():
    guide = (REPO / "EDITING.md").read_text(encoding="utf-8")
    current = guide[guide.index(START) + len(START) : guide.index(END)].strip()
    assert current == field_reference().strip(), "EDITING.md is stale: run `python -m generator guide`"
    shown = guide[guide.index(EXAMPLES_START) + len(EXAMPLES_START) : guide.index(EXAMPLES_END)].strip()
    assert shown == examples(REPO).strip(), "EDITING.md examples are stale: run `python -m generator guide`"


def test_field_reference_documents_nested_fields_in_chinese():
    reference = field_reference()
    assert "| `results[].award` | 奖项 | 选填 |" in reference
    assert "| `years.年份.above_designated_size` | 规模以上 | 必填 | true 或 false |" in reference
