"""Starting a county's project (`init`) and its next campaign year (`new-year`).

`init` writes what a union fills in before its first build: its settings, a campaign skeleton, empty
registers and a plan stub. It leaves blank what only the union knows, so that `check` then lists, in
Chinese, exactly what is still to write. `new-year` starts next year from this year: the campaign
record with its dates moved on, the registers kept (each enterprise's facts copied to the new year),
and the old year left as it is, as the archive.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .kinds import KINDS
from .scaffold import template
from .yamlio import LinedDict, load_yaml

COUNTY_SUFFIXES = ("县", "市", "区", "旗")
DEFAULT_SLOGAN = "以赛促学、以赛促训、以赛促练"


class ProjectError(Exception):
    """Why a project cannot be started here, in the words an editor reads."""


@dataclass(frozen=True)
class Start:
    """What `init` needs to know: the county (or city, district), its union and the campaign year."""

    county: str
    union: str
    year: int

    def check(self) -> None:
        if not self.county.endswith(COUNTY_SUFFIXES):
            raise ProjectError(f"「{self.county}」应是县（市、区、旗）的全称，如 青山县。")
        if not 2000 <= self.year <= 2100:
            raise ProjectError(f"年度「{self.year}」应是四位数年份，如 2024。")
        if not self.union.strip():
            raise ProjectError("请写主办工会的全称，如 青山县总工会。")


def settings_text(start: Start) -> str:
    return f"""# 本地设置：本县（市）的名称、主办工会和词表。
# 没有写的项（竞赛内容、竞赛形式、行业、覆盖率企业类别、荣誉、奖项、创新成果类别、佐证材料、
# 公示工作日数）用全国通用的默认值；要改哪一项，就把整项写在这里。写法见 EDITING.md「本地设置」。
county: {start.county}
union: {start.union}
# 竞赛组织机构的简称：组委会，或 竞赛委员会。
committee: 组委会
# 本县（市）的乡镇、街道、园区或管理区，按要显示的顺序，每项写名称和网址代码（小写拼音），如：
#   - {{name: 城关镇, code: chengguan}}
townships:
  - name:
    code:
"""


def campaign_text(start: Start) -> str:
    """The campaign skeleton: what is known filled in, the rest blank with its help above it."""
    year = start.year
    known = {
        "year": str(year),
        "title": f"{year}年{start.county}劳动和技能竞赛",
        "issuer": start.union,
        "sample": "false",
        "slogan": DEFAULT_SLOGAN,
        "plan_text": f"plans/{year}.md",
    }
    text = template(KINDS["campaign"], str(year), year, known)
    # The window of dates a year's records may carry: the year, and the first quarter after it for summaries.
    text = re.sub(r"^window:\n(  # .*\n)*  start:\n(  # .*\n)*  end:\n", _window(year), text, count=1, flags=re.M)
    committee = f"{year}年{start.county}劳动和技能竞赛组委会"
    text = re.sub(r"^(committee:\n  # .*\n  name:)$", rf"\g<1> {committee}", text, count=1, flags=re.M)
    return text.replace("\nas_of:\n", "\n", 1)


def _window(year: int) -> str:
    return f"window:\n  start: {year}-01-01\n  end: {year + 1}-03-31\n"


def plan_text(start: Start) -> str:
    return (
        f"# {start.year}年{start.county}劳动和技能竞赛工作方案\n\n"
        "（请把印发的工作方案全文粘贴在这里：一、指导思想；二、竞赛内容；三、竞赛形式；四、目标任务；五、组织领导；"
        "六、时间安排；七、工作要求。空一行分段，标题前加「## 」。）\n"
    )


def init_project(root: Path, start: Start) -> list[Path]:
    """Write a new project's records under `root`; refuse where records are already.

    Returns the files written, in the order an editor fills them in.
    """
    start.check()
    data = root / "site_data"
    existing = sorted(p for p in data.rglob("*.y*ml")) if data.is_dir() else []
    if existing:
        shown = "、".join(p.relative_to(root).as_posix() for p in existing[:3])
        raise ProjectError(
            f"site_data/ 里已经有记录（{shown} 等 {len(existing)} 个文件），没有改动。"
            "要换成本县的数据：先把示例数据移走（删除 site_data/ 和 content/plans/、content/news/posts/），再运行 init。"
        )
    written = {
        data / "settings.yml": settings_text(start),
        data / str(start.year) / "campaign.yml": campaign_text(start),
        root / "content" / "plans" / f"{start.year}.md": plan_text(start),
    }
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    # The registers start empty: git keeps a folder only with a file in it, and a dot-file is no record.
    for folder in (data / "unions", data / "enterprises", root / "content" / "news" / "posts"):
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitkeep").touch()
    news_index = root / "content" / "news" / "index.md"
    if not news_index.exists():
        news_index.write_text("# 新闻动态\n", encoding="utf-8")
        written[news_index] = ""
    return list(written)


def _shift_years(text: str, old: int, new: int) -> str:
    """Move the years `old` and `old + 1` in dates and Chinese years (2023-06-15, 2023年) by `new - old`."""
    moved = {str(old): str(new), str(old + 1): str(new + 1)}
    return re.sub(rf"(?<![0-9])({old}|{old + 1})(?=-[0-9]{{2}}-[0-9]{{2}}|年)", lambda m: moved[m.group(1)], text)


def new_year(root: Path, old: int, new: int) -> list[Path]:
    """Start year `new` from year `old`: its campaign record and plan, and each enterprise's facts for it."""
    data = root / "site_data"
    source = data / str(old) / "campaign.yml"
    if not source.is_file():
        raise ProjectError(f"没有 {old} 年度的竞赛记录（site_data/{old}/campaign.yml），无从开始 {new} 年度。")
    target = data / str(new) / "campaign.yml"
    if target.exists():
        raise ProjectError(f"site_data/{new}/campaign.yml 已经存在，没有改动。")
    text = source.read_text(encoding="utf-8")
    text = re.sub(rf"^year: {old}$", f"year: {new}", text, count=1, flags=re.M)
    text = re.sub(r"^as_of: .*\n", "", text, count=1, flags=re.M)  # the new year is computed on its own day
    text = re.sub(rf"^plan_text: plans/{old}\.md$", f"plan_text: plans/{new}.md", text, count=1, flags=re.M)
    written = [target]
    target.parent.mkdir(parents=True)
    target.write_text(_shift_years(text, old, new), encoding="utf-8")
    # The banner goes on until the union replaces it: its file comes along with the record that names it.
    banner = re.search(r"^banner: ([^/\\\s]+)\s*$", text, flags=re.M)
    if banner and (source.parent / banner.group(1)).is_file():
        written.append(Path(shutil.copy2(source.parent / banner.group(1), target.parent / banner.group(1))))
    plan = root / "content" / "plans" / f"{new}.md"
    old_plan = root / "content" / "plans" / f"{old}.md"
    if not plan.exists() and old_plan.is_file():
        plan.write_text(_shift_years(old_plan.read_text(encoding="utf-8"), old, new), encoding="utf-8")
        written.append(plan)
    for path in sorted((data / "enterprises").glob("*.yml")):
        changed = _carry_facts(path.read_text(encoding="utf-8"), old, new, path.name)
        if changed is not None:
            path.write_text(changed, encoding="utf-8")
            written.append(path)
    return written


def _carry_facts(text: str, old: int, new: int, file: str) -> str | None:
    """The enterprise's file with its `years.old` facts copied as `years.new`, in place (comments kept).

    None when the enterprise has no facts for `old`, or has some for `new` already.
    """
    data, problems = load_yaml(text, file)
    if problems or not isinstance(data, LinedDict) or not isinstance(data.get("years"), LinedDict):
        return None
    years: LinedDict = data["years"]
    keys = {str(k): k for k in years}
    if str(old) not in keys or str(new) in keys:
        return None
    lines = text.split("\n")
    start = years.line_of(keys[str(old)]) - 1
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    block = lines[start:end]
    block[0] = block[0].replace(str(old), str(new), 1)
    return "\n".join([*lines[:end], *block, *lines[end:]])
