from pathlib import Path

from generator.guide import END, START, examples, field_reference

from .conftest import FIXTURE, REPO


def test_editing_guide_field_tables_are_current():
    # The field tables come from the code alone (the county's words are named, not listed), so any
    # project's guide stays current; the examples are the project's own records.
    guide = (REPO / "EDITING.md").read_text(encoding="utf-8")
    current = guide[guide.index(START) + len(START) : guide.index(END)].strip()
    assert current == field_reference().strip(), "EDITING.md is stale: run `python -m generator guide`"


def test_field_reference_documents_nested_fields_in_chinese():
    reference = field_reference()
    assert "| `results[].award` | 奖项 | 选填 | 本地设置 awards 里的一项 |" in reference
    assert "| `years.年份.above_designated_size` | 规模以上 | 必填 | true 或 false |" in reference
    assert "| `townships[].code` | 网址代码 | 必填 |" in reference


def test_examples_are_the_projects_own_records():
    shown = examples(FIXTURE)
    assert "### 先进个人：`site_data/2023/people/" in shown
    assert "honour:" in shown
    assert "年度竞赛记录（内容较长）请直接看 `site_data/2023/campaign.yml`。" in shown


def test_examples_work_without_any_records(tmp_path: Path):
    assert "python -m generator init" in examples(tmp_path)
