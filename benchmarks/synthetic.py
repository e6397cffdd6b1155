"""Synthetic campaign data at a chosen scale, shaped like the bundled records, and valid.

    .venv/bin/python benchmarks/synthetic.py --records 5000 --out /tmp/cp-5000

writes a whole project (mkdocs.yml, theme/, content/, site_data/) that `python -m generator --root
/tmp/cp-5000 build` builds. The bundled year is the pattern: it is copied into earlier years (dates
and year numbers moved back) and, within each year, into as many groups as the scale needs. Each
group gets its own enterprises, ids, people's names and photos (small generated JPEGs, each
different, so the photo cache does real work), so every cross-record rule holds as it does for the
bundled data. The same seed and size give the same files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
PATTERN_YEAR = 2023
YEARS_AT_SCALE = 10  # a county's archive: the current year and nine before it
KINDS = ("competitions", "collectives", "people", "innovations", "submissions", "announcements")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常农蒙"
GIVEN = "建国志强秋萍美玲卫东永生家宝国强海燕小燕丽华文军明辉春梅红霞德福振华玉兰桂芳金凤宏伟俊杰晓东立新世杰雪梅文华启明少波"
BRANDS = "宏达盛源鑫隆华泰永安恒通富民广源嘉禾汇丰鸿运金桂南方绿城振兴红星长江明珠兴业锦程天成瑞丰新桥龙腾"


@dataclass(frozen=True)
class Scale:
    years: list[int]
    groups: int  # copies of the pattern year's records in each year


def _pattern(root: Path) -> dict[str, Any]:
    data = root / "site_data"
    year = data / str(PATTERN_YEAR)
    return {
        "root": root,
        "campaign": yaml.safe_load((year / "campaign.yml").read_text(encoding="utf-8")),
        "enterprises": [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / "enterprises").glob("*.yml"))],
        "kinds": {
            kind: [(p, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted((year / kind).glob("*.yml"))]
            for kind in KINDS
        },
        "news": sorted((root / "content" / "news" / "posts").glob("*.md")),
    }


def records_per_group(pattern: dict[str, Any]) -> tuple[int, int]:
    """Records a group adds to each year, and enterprise records it adds once."""
    return sum(len(v) for v in pattern["kinds"].values()) + len(pattern["news"]), len(pattern["enterprises"])


def scale_for(records: int, pattern: dict[str, Any], years: int | None = None) -> Scale:
    per_year, shared = records_per_group(pattern)
    unions = len(list((pattern["root"] / "site_data" / "unions").glob("*.yml")))
    if years is None:
        years = 1 if records < 20 * (per_year + shared) else YEARS_AT_SCALE
    groups = max(1, round((records - unions - years) / (years * per_year + shared)))
    return Scale(list(range(PATTERN_YEAR - years + 1, PATTERN_YEAR + 1)), groups)


class Copier:
    """Rewrites a pattern record for one year and one group."""

    def __init__(self, pattern: dict[str, Any], year: int, group: int, rng: random.Random) -> None:
        self.shift = PATTERN_YEAR - year
        self.year = year
        self.group = group
        self.suffix = f"-g{group}"
        self.ids = {r["id"] for kind in KINDS for _, r in pattern["kinds"][kind] if "id" in r}
        self.enterprises = {e["id"] for e in pattern["enterprises"]}
        self.brand = _brand(group)
        # Each group's people get their own names, the same ones wherever they appear (results, authors).
        self.names = {r["name"]: _name(rng) for _, r in pattern["kinds"]["people"]}

    def ident(self, value: str) -> str:
        if "/" in value and value.split("/")[0] in self.enterprises:
            head, tail = value.split("/", 1)
            return f"{head}{self.suffix}/{tail}"
        if value in self.ids or value in self.enterprises:
            return value + self.suffix
        return value

    def text(self, value: str) -> str:
        value = re.sub(r"20(2[34])", lambda m: str(int(m.group()) - self.shift), value)
        return self.names.get(value) or value.replace("隆安某", f"隆安{self.brand}")

    def day(self, value: dt.date) -> dt.date:
        return value.replace(year=value.year - self.shift)

    def __call__(self, value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: self(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self(v, key) for v in value]
        if isinstance(value, dt.date):
            return self.day(value)
        if isinstance(value, str):
            if key in ("id", "unit", "organiser", "units", "person", "competition", "competitions", "candidates"):
                return self.ident(value)
            return self.text(value)
        return value


def _brand(group: int) -> str:
    pairs = [BRANDS[i : i + 2] for i in range(0, len(BRANDS) - 1, 2)]
    return pairs[group % len(pairs)] + ("" if group < len(pairs) else str(group // len(pairs)))


def _name(rng: random.Random) -> str:
    given = [GIVEN[i : i + 2] for i in range(0, len(GIVEN) - 1, 2)]
    return rng.choice(SURNAMES) + rng.choice(given)


def _photo(path: Path, rng: random.Random) -> None:
    """A small JPEG of coloured bands and shapes: different for every record, cheap to make."""
    image = Image.new("RGB", (640, 480), tuple(rng.randrange(256) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(640), rng.randrange(480)
        draw.rectangle(
            (x, y, x + rng.randrange(40, 300), y + rng.randrange(30, 200)), fill=tuple(rng.randrange(256) for _ in range(3))
        )
    image.save(path, "JPEG", quality=80)


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # the validator refuses anchors and aliases, as it should


def _dump(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")


def refresh_site_files(out: Path) -> None:
    """Copy this repository's mkdocs.yml and theme into a project: a project written earlier keeps its
    data (slow to write at scale) but must be built with today's templates."""
    shutil.copy2(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.rmtree(out / "theme", ignore_errors=True)
    shutil.copytree(ROOT / "theme", out / "theme")


def make_project(out: Path, records: int, seed: int = 1, years: int | None = None, pattern_root: Path = ROOT) -> dict[str, int]:
    """Write a project of about `records` records to `out` (replacing it); the counts by kind.

    The records spread over `years` years (by default one for a county's few hundred, ten at scale).
    They are copies of the records of `pattern_root`'s 2023 campaign (this repository's sample; tests
    pass their fixture), with the same settings.
    """
    pattern = _pattern(pattern_root)
    root = pattern_root
    scale = scale_for(records, pattern, years)
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    refresh_site_files(out)
    shutil.copytree(root / "content", out / "content", ignore=shutil.ignore_patterns("posts", "2023.md"))
    shutil.copytree(root / "site_data" / "unions", out / "site_data" / "unions")
    shutil.copy2(root / "site_data" / "settings.yml", out / "site_data" / "settings.yml")
    counts: dict[str, int] = {"unions": len(list((out / "site_data" / "unions").glob("*.yml")))}
    data = out / "site_data"
    plan = (root / "content" / "plans" / f"{PATTERN_YEAR}.md").read_text(encoding="utf-8")

    for group in range(scale.groups):
        copier = Copier(pattern, PATTERN_YEAR, group, rng)
        for enterprise in pattern["enterprises"]:
            record = copier(enterprise)
            # A 车间's id is the enterprise's own: only the enterprise's id is made unique.
            record["units"] = enterprise.get("units", [])
            history = record.pop("years")[PATTERN_YEAR]
            record["years"] = {year: history for year in scale.years}
            _dump(data / "enterprises" / f"{record['id']}.yml", record)
            counts["enterprises"] = counts.get("enterprises", 0) + 1

    for year in scale.years:
        folder = data / str(year)
        base = Copier(pattern, year, 0, rng)
        campaign = base(pattern["campaign"])
        campaign["year"] = year
        campaign["sample"] = True
        if year != PATTERN_YEAR:
            campaign.pop("as_of", None)
        campaign["plan_text"] = f"plans/{year}.md"
        for row in campaign.get("register", []):
            for key, value in row.items():
                if isinstance(value, int):
                    row[key] = value * scale.groups
        _dump(folder / "campaign.yml", campaign)
        if campaign.get("banner"):
            _photo(folder / str(campaign["banner"]), rng)
        (out / "content" / "plans" / f"{year}.md").write_text(base.text(plan), encoding="utf-8")
        counts["campaigns"] = counts.get("campaigns", 0) + 1
        for group in range(scale.groups):
            copier = Copier(pattern, year, group, rng)
            for kind in KINDS:
                for _, original in pattern["kinds"][kind]:
                    record = copier(original)
                    if kind == "announcements":
                        record["end"] = record["start"] + dt.timedelta(days=9)  # five workdays in any year
                    stem = record.get("id") or record["unit"]
                    _dump(folder / kind / f"{stem}.yml", record)
                    if record.get("photo"):
                        record["photo"] = f"{stem}.jpg"
                        _dump(folder / kind / f"{stem}.yml", record)
                        _photo(folder / kind / record["photo"], rng)
                    counts[kind] = counts.get(kind, 0) + 1
            for post in pattern["news"]:
                text = copier.text(post.read_text(encoding="utf-8"))
                text = re.sub(r"^slug: (.+)$", rf"slug: \g<1>-{year}{copier.suffix}", text, count=1, flags=re.M)
                target = out / "content" / "news" / "posts" / f"{year}{copier.suffix}-{post.name}"
                target.parent.mkdir(parents=True, exist_ok=True)
                if re.search(r"^photo: ", text, flags=re.M):
                    text = re.sub(r"^photo: .+$", f"photo: {target.stem}.jpg", text, count=1, flags=re.M)
                    _photo(target.with_suffix(".jpg"), rng)
                target.write_text(text, encoding="utf-8")
                counts["news"] = counts.get("news", 0) + 1
    counts["total"] = sum(counts.values())
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, required=True, help="about how many records to write")
    parser.add_argument("--out", type=Path, required=True, help="the project folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = make_project(args.out, args.records, args.seed)
    print(", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
