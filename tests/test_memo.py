"""The check cache: answers from it only what is unchanged, and never hides a new problem."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image

from generator import filecheck
from generator.commands.check import run_check
from generator.memo import Memo
from generator.pipeline import Kept, check
from generator.problems import RecordsInvalid

from .conftest import cli, edit, paths, write
from .test_images import phone_photo


def _files(root: Path) -> list[str]:
    return sorted(p.name for p in (root / ".cache").glob("*.pickle"))


def test_a_change_after_a_cached_check_is_reported_with_its_line(project: Path):
    first = cli(project, "check")
    assert first.returncode == 0
    assert any(name.startswith("check-") for name in _files(project))
    assert any(name.startswith("verdict-") for name in _files(project))
    assert cli(project, "check").stdout == first.stdout  # answered from the cache, word for word

    edit(project, "site_data/2023/competitions/zhuangpei.yml", "participants: 40", "participants: 很多")
    broken = cli(project, "check")
    assert broken.returncode == 1
    assert broken.stderr.startswith("site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数")

    edit(project, "site_data/2023/competitions/zhuangpei.yml", "participants: 很多", "participants: 40")
    assert cli(project, "check").stdout == first.stdout


def test_a_change_of_the_settings_checks_the_records_again(project: Path):
    # A competition in a township the settings do not list yet fails; the verdict and each file's
    # result are cached. Adding the township to the settings must change the answer, not repeat it.
    edit(project, "site_data/2023/competitions/zhuangpei.yml", "township: 城厢镇", "township: 新区街道")
    first = cli(project, "check")
    assert first.returncode == 1 and "「新区街道」不在允许范围内" in first.stderr
    edit(project, "site_data/settings.yml", "townships:\n", "townships:\n  - {name: 新区街道, code: xinqu}\n")
    assert cli(project, "check").returncode == 0


def test_the_cache_key_covers_the_versions_of_the_dependencies(monkeypatch: pytest.MonkeyPatch):
    from generator import memo

    before = memo.code_salt()
    assert "chinesecalendar==" in memo.installed_versions()
    monkeypatch.setattr(memo, "installed_versions", lambda: "chinesecalendar==99.0")
    assert memo.code_salt() != before


def test_a_replaced_photo_is_checked_again(project: Path):
    photo = project / "site_data" / "2023" / "people" / "nong-ceshi.jpg"
    Image.new("RGB", (64, 48), (200, 40, 40)).save(photo, "JPEG")
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 示意图\nsummary:")
    assert cli(project, "check").returncode == 0
    photo.write_bytes(photo.read_bytes()[:200])  # truncated: no longer an image
    result = cli(project, "check")
    assert result.returncode == 1
    assert f"照片「{photo.name}」打不开" in result.stderr


def test_cached_records_equal_fresh_ones_and_keep_their_paths(project: Path):
    fresh = check(paths(project))  # no cache
    cached_paths = replace(paths(project), cache_dir=project / ".cache")
    check(cached_paths)  # fills the cache
    again = check(cached_paths)  # answered from it
    for number, year in fresh.years.items():
        assert again.years[number].people == year.people
        assert again.years[number].competitions == year.competitions
        for person in again.years[number].people.values():
            assert person.src.path is not None and person.src.path.is_file()


def test_a_kept_memo_gives_each_record_once_with_its_path(project: Path):
    """The preview checks again at every rebuild: a record read from its cache is copied with its path
    once, not at every rebuild (at 20,000 records, a second copy of every record kept alive)."""
    root_paths = replace(paths(project), cache_dir=project / ".cache")
    check(root_paths)  # fills the cache on disk
    kept = Kept.for_project(root_paths)
    first = check(root_paths, kept.checks)  # each record unpickled without its path, copied with it
    second = check(root_paths, kept.checks)
    for number, year in first.years.items():
        for pid, person in year.people.items():
            assert person.src.path is not None and person.src.path.is_file()
            assert second.years[number].people[pid] is person
    edit(project, "site_data/2023/people/lu-ceshi.yml", "summary: ", "summary: 改过。")
    third = check(root_paths, kept.checks)
    assert third.years[2023].people["lu-ceshi"].summary.startswith("改过。")
    assert third.years[2023].people["lu-ceshi"] is not first.years[2023].people["lu-ceshi"]


def test_a_small_change_writes_a_small_file_and_a_large_one_a_new_base(tmp_path: Path):
    memo = Memo(tmp_path / "check-x.pickle", b"salt")
    for index in range(100):
        memo.put(memo.key(str(index)), index)
    memo.save()
    base = tmp_path / "check-x.pickle"
    assert base.is_file() and not (tmp_path / "check-x.new.pickle").exists()

    memo = Memo(base, b"salt")
    assert [memo.get(memo.key(str(i))) for i in range(100)] == list(range(100))
    memo.put(memo.key("new"), "one")
    memo.save()
    assert (tmp_path / "check-x.new.pickle").is_file()
    assert Memo(base, b"salt").get(memo.key("new")) == "one"

    memo = Memo(base, b"salt")
    for index in range(30):  # more than a tenth of the base: merged into a fresh base
        memo.put(memo.key(f"more{index}"), index)
    memo.save()
    assert not (tmp_path / "check-x.new.pickle").exists()
    reread = Memo(base, b"salt")
    assert reread.get(memo.key("more29")) == 29
    assert reread.get(memo.key("0")) is None  # not asked for in the run that rewrote the base


def test_a_damaged_cache_is_ignored(project: Path):
    assert cli(project, "check").returncode == 0
    for path in (project / ".cache").glob("*.pickle"):
        path.write_bytes(b"not a pickle")
    write(project, "site_data/2023/people/extra.yml", "id: extra\n")
    result = cli(project, "check")
    assert result.returncode == 1
    assert "site_data/2023/people/extra.yml" in result.stderr


def test_files_checked_in_worker_processes_give_what_one_process_gives(project: Path, monkeypatch: pytest.MonkeyPatch):
    cached = replace(paths(project), cache_dir=project / ".cache")
    monkeypatch.setattr(filecheck, "PARALLEL_FROM", 1)  # thousands of new files, as far as check knows
    parallel = check(cached)
    monkeypatch.setattr(filecheck, "PARALLEL_FROM", 10**9)
    alone, again = check(paths(project)), check(cached)  # in this process; from the cache the workers filled
    for number, year in alone.years.items():
        for other in (parallel, again):
            assert other.years[number].people == year.people and other.years[number].competitions == year.competitions
            assert all(p.src.path is not None and p.src.path.is_file() for p in other.years[number].people.values())

    edit(project, "site_data/2023/competitions/zhuangpei.yml", "participants: 40", "participants: 很多")
    monkeypatch.setattr(filecheck, "PARALLEL_FROM", 1)
    with pytest.raises(RecordsInvalid) as in_workers:
        check(replace(cached, cache_dir=project / ".cache-2"))
    assert str(in_workers.value.problems[0]).startswith("site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数")


def test_photos_judged_in_worker_processes_tell_what_one_process_tells(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    photo = project / "site_data/2023/people/nong-ceshi.jpg"
    phone_photo(photo)
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.jpg\nphoto_alt: 农测试\nsummary:")

    def told(parallel_from: int, fresh: bool) -> tuple[int, str, str]:
        monkeypatch.setattr(filecheck, "PARALLEL_FROM", parallel_from)  # 1: every file in worker processes
        for cached in (project / ".cache").glob("*" if fresh else "verdict-*"):
            cached.unlink()
        code = run_check(project)
        out, err = capsys.readouterr()
        return code, out, err

    in_workers = told(1, fresh=True)
    assert in_workers[0] == 0
    assert "提示：照片 site_data/2023/people/nong-ceshi.jpg 带有拍摄地点（GPS）" in in_workers[1]
    assert told(10**9, fresh=False) == in_workers  # from what the workers cached
    assert told(10**9, fresh=True) == in_workers  # in this process alone

    photo.write_bytes(photo.read_bytes()[:2000])  # truncated: no longer an image
    broken = told(1, fresh=True)
    assert broken[0] == 1
    assert "site_data/2023/people/nong-ceshi.yml:" in broken[2] and "照片「nong-ceshi.jpg」打不开" in broken[2]
    assert told(10**9, fresh=True) == broken
