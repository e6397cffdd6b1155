"""`check` and `guard`: every problem of the records, or what a passed check tells the editor; and the
last word before publishing (no sample data, the site's address and its 备案号)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from ..asof import CHINA
from ..content import nav_of
from ..dataset import Dataset
from ..footer import footer_problems
from ..images import has_gps
from ..kinds.common import READY
from ..memo import fingerprint
from ..photo_checks import photo_gps
from ..pipeline import Paths, as_of_for, check, check_content
from ..problems import RecordsInvalid
from ..report import render
from ..rules.photos import pictures
from ..siteurl import site_url_problems


def run_check(root: Path, style: str = "text", config: str = "mkdocs.yml") -> int:
    paths = Paths.of_project(root)
    # content/ is checked as the build checks it: an allow-list that includes the pages the nav names.
    nav = sorted(nav_of(root / config))
    # A check of unchanged inputs by unchanged code says what it said last time: answered at once.
    memo = paths.cache.memo("verdict")
    digests: dict[str, bytes] = {}
    # The first check of a project has nothing to look up: its inputs' fingerprint is taken after it,
    # from the files as the check read them, instead of reading every file once more before.
    key = None if memo.empty else memo.key(fingerprint(paths.data_dir, paths.content_dir, digests=digests), *nav)
    lines = memo.get(key) if key else None
    if lines is None:
        # The check's own cache, at hand here too: what it learnt of the photos answers the content check and the GPS note.
        checks = paths.cache.memo("check")
        try:
            dataset = check(paths, checks, digests=digests)
            check_content(paths, dataset, nav, checks)
        except RecordsInvalid as error:
            if style == "text":
                print(error.report(building=False), file=sys.stderr)
            else:
                # Machine formats go to standard output, where CI systems collect them.
                print(render(error.problems, style))
            return 1
        lines = check_summary(dataset, lambda path: photo_gps(path, checks))
        checks.save()
        memo.put(key or memo.key(fingerprint(paths.data_dir, paths.content_dir, digests=digests), *nav), lines)
        memo.save()
    print("[]" if style in ("gitlab", "json") else "\n".join(lines))
    return 0


def check_summary(dataset: Dataset, gps: Callable[[Path], bool] = has_gps) -> list[str]:
    """What a passed check tells the editor: counts by year, and what to mind before publishing."""
    counts = [
        f"{number}年：竞赛 {len(y.competitions)} 项，先进集体 {len(y.collectives)} 个，先进个人 {len(y.people)} 名，"
        f"创新成果 {len(y.innovations)} 项，新闻 {len(y.news)} 篇"
        for number, y in sorted(dataset.years.items())
    ]
    lines = ["检查通过。" + "；".join(counts)]
    for file in photos_with_gps(dataset, gps):
        lines.append(
            f"提示：照片 {file} 带有拍摄地点（GPS）。网站发布时会自动去掉，但原图会进入仓库：建议用手机“编辑→位置→无位置”或另存后再提交。"
        )
    for number, year in sorted(dataset.years.items()):
        missing = sorted(p.src.file for p in year.people.values() if p.consent is None and p.state == READY)
        if missing:
            lines.append(
                f"提示：{number}年以下先进个人没有记录本人同意（consent），网站只显示姓名、单位和荣誉，不显示照片和事迹："
            )
            lines.extend(f"  {file}" for file in missing)
    return lines


def photos_with_gps(dataset: Dataset, gps: Callable[[Path], bool] = has_gps) -> list[str]:
    """Source photos that carry a GPS position (published copies never do); `gps` tells (`images.has_gps`)."""
    found = []
    for record, field, _ in pictures(dataset):
        name = getattr(record, field)
        if name and record.src.path is not None and gps(record.src.path.parent / name):
            found.append((Path(record.src.file).parent / name).as_posix())
    return sorted(found)


def run_guard(root: Path, config: str = "mkdocs.yml", as_of: str | None = None) -> int:
    """Refuse to publish a sample dataset, or a site without its address or its 备案号: CI calls this before deploying."""
    try:
        dataset = check(Paths.of_project(root))
    except RecordsInvalid as error:
        print(error.report(building=False), file=sys.stderr)
        return 1
    try:
        day = as_of_for(dataset, as_of)
    except RecordsInvalid as error:
        print(error.report(building=False), file=sys.stderr)
        return 1
    today = dt.datetime.now(CHINA).date()
    if day > today:
        # A day still to come would publish honours whose 公示 has not begun, and news not yet due.
        print(
            f"不能发布：统计日期 {day.isoformat()} 晚于今天（{today.isoformat()}，北京时间）。"
            "请删去 campaign.yml 里的 as_of（或改为今天及以前的日期），发布时不要设置更晚的 AS_OF。",
            file=sys.stderr,
        )
        return 1
    samples = [year.campaign.src.file for year in dataset.years.values() if year.campaign.sample]
    if samples:
        print(
            f"不能发布：{'、'.join(samples)} 里写着 sample: true（示例数据）。换成正式数据并改为 sample: false 后才能发布。",
            file=sys.stderr,
        )
        return 1
    # QR codes, the feed, canonical links and the 404 page under a sub-path all need the site's address.
    address = site_url_problems(root / config)
    if address:
        for problem in address:
            print(f"不能发布：{problem}", file=sys.stderr)
        print("没有网站地址，二维码、RSS 订阅和分享链接都不会生成（见 EDITING.md「发布」）。", file=sys.stderr)
        return 1
    # A site in mainland China shows its 备案号 on every page; on the union's portal, the portal's.
    settings = dataset.years[dataset.current_year].settings
    marks = footer_problems(root / config, {"icp": settings.icp, "police": settings.police})
    if marks:
        for problem in marks:
            print(f"不能发布：{problem}", file=sys.stderr)
        print(
            "境内网站每页页脚都要显示备案号；放在工会门户网站下的，填门户网站的备案号（见 EDITING.md「发布」）。", file=sys.stderr
        )
        return 1
    print("可以发布：没有示例数据，网站地址和页脚备案号已填写。")
    return 0
