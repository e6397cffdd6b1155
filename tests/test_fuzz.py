"""Random and mutated YAML never crashes the loader: it is read, or refused with a clear message."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.filecheck import build_record
from generator.kinds import KINDS
from generator.load import read
from generator.problems import Problem
from generator.schema import Where

from .conftest import FIXTURE

SEED = (FIXTURE / "site_data/2023/competitions/zhuangpei.yml").read_text(encoding="utf-8")
SPECIALS = [
    *list(":-[]{}&*!|>'\"%@`#,?\t\n ：\u3000“”、２０"),
    "\r\n",
    "---",
    "...",
    "<<: ",
    "!!python/object:os.system",
    "&a ",
    "*a",
]


def check_outcome(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "site_data" / "2023" / "competitions" / "fuzz.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    record, problems = read(KINDS["competition"], 2023, path, tmp_path)
    assert record is not None or problems
    if record is not None:
        where = Where(record.file)
        build_record(record, where)  # the field checks take whatever the parser produced
        problems = problems + where.problems
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.file == "site_data/2023/competitions/fuzz.yml"
        assert problem.message and "Traceback" not in problem.message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path, content):
    check_outcome(tmp_path, content)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(SEED)), st.sampled_from(SPECIALS), st.integers(0, 3)), max_size=6))
def test_mutated_records(tmp_path, edits):
    text = SEED
    for position, insert, delete in edits:
        position = min(position, len(text))
        text = text[:position] + insert + text[position + delete :]
    check_outcome(tmp_path, text.encode("utf-8"))


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path = tmp_path / "site_data/2023/competitions/bomb.yml"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    record, problems = read(KINDS["competition"], 2023, path, tmp_path)
    assert record is None
    assert [str(p) for p in problems] == [
        "site_data/2023/competitions/bomb.yml:1: 不支持「&」和「*」引用（锚点和别名）：请把内容直接写出来。"
    ]


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "site_data/2023/competitions/deep.yml"
    path.parent.mkdir(parents=True)
    path.write_text("id: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    record, problems = read(KINDS["competition"], 2023, path, tmp_path)
    assert record is None and "层次太深" in problems[0].message
