"""Command line: `python -m generator check`, `build` and the other commands, each a `run_…` function.

`build` writes into a temporary folder and swaps it in whole (`swap`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from .asof import CHINA
from .content import nav_of
from .dataset import Dataset
from .footer import footer_problems
from .guide import update_guide
from .images import has_gps
from .jsonschema import write_schemas
from .kinds import KINDS
from .kinds.common import READY
from .memo import fingerprint
from .photo_checks import photo_gps
from .pipeline import Paths, as_of_for, check, check_content, office_of, office_report
from .problems import RecordsInvalid
from .project import ProjectError, Start, init_project, new_year
from .report import FORMATS, render
from .rules.photos import pictures
from .serving import build_here, serve
from .siteurl import site_url_problems
from .swap import BuildRunning, build_lock, clear_leftovers, running_message, swap_in


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


def _ask(value: str | None, question: str) -> str:
    """A value given on the command line, else asked for at the terminal."""
    if value:
        return value.strip()
    if not sys.stdin.isatty():
        raise ProjectError(f"请给出{question}（见 python -m generator init --help）。")
    return input(f"{question}：").strip()


def run_init(root: Path, county: str | None, union: str | None, year: int | None) -> int:
    try:
        county = _ask(county, "县（市、区）名称，如 青山县")
        if not union and sys.stdin.isatty():
            union = input(f"主办工会全称（直接回车即为 {county}总工会）：").strip()
        given = str(year) if year else _ask(None, "竞赛年度，如 2024")
        if not given.isdigit():
            raise ProjectError(f"年度「{given}」应是四位数年份，如 2024。")
        year = int(given)
        start = Start(county, union or f"{county}总工会", year)
        written = init_project(root, start)
    except ProjectError as error:
        print(f"没有建立新项目：{error}", file=sys.stderr)
        return 1
    print(f"已为{start.county}建立 {start.year} 年度的新项目：")
    for path in written:
        print(f"  {path.relative_to(root).as_posix()}")
    print("下一步：运行 make check（或 python -m generator check），按列出的问题逐项填写；全部填好后 make site 生成网站。")
    return 0


def run_new_year(root: Path, old: int | None, new: int | None) -> int:
    years = sorted(int(p.name) for p in (root / "site_data").glob("20[0-9][0-9]") if p.is_dir())
    old = old or (years[-1] if years else 0)
    new = new or old + 1
    try:
        written = new_year(root, old, new)
    except ProjectError as error:
        print(f"没有开始新年度：{error}", file=sys.stderr)
        return 1
    print(f"已从 {old} 年度开始 {new} 年度（{old} 年度保留为往年归档）：")
    for path in written:
        print(f"  {path.relative_to(root).as_posix()}")
    print(
        f"下一步：核对 site_data/{new}/campaign.yml 里顺延的日期、阶段和目标，更新 content/plans/{new}.md 的方案全文，再运行 make check。"
    )
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


def run_import(root: Path, kind: str, file: Path, year: int | None, force: bool) -> int:
    try:
        dataset = check(Paths.of_project(root))
    except RecordsInvalid as error:
        print(error.report(building=False), file=sys.stderr)
        print("请先改好现有记录再导入。", file=sys.stderr)
        return 1
    from .roster import import_roster  # pinyin's dictionaries take a while to load: only when importing

    try:
        result = import_roster(file, dataset, root, kind, year or dataset.current_year, force)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"提示：{note}")
    # Every problem of every row, in row order, before the summary: what to fix in the sheet.
    for message in result.skipped:
        print(message)
    for path in result.written:
        print(f"已导入 {path.relative_to(root).as_posix()}（新建，草稿）")
    for path in result.updated:
        print(f"已更新 {path.relative_to(root).as_posix()}（姓名和单位与已有记录相同，按表格更新了这些字段，其余内容保留）")
    print(
        f"共导入 {len(result.written) + len(result.updated)} 条（新建 {len(result.written)} 条，更新 {len(result.updated)} 条），"
        f"跳过 {len(result.skipped)} 行。"
    )
    if result.written:
        print(
            "新建的记录是草稿（state: 草稿），网站上不出现：补上照片和本人同意日期（consent）、核对内容后，"
            "把 state 改成 定稿，再运行 check。"
        )
    if result.skipped:
        print("有的行没有导入：按上面列出的问题改好表格，再导入一次（已导入的人会更新，不会重复）。")
    return 1 if result.skipped or (not result.written and not result.updated) else 0


def run_cms(root: Path, args: argparse.Namespace) -> int:
    """The team's editor configuration: a self-hosted GitLab or Gitea, every edit a merge request."""
    from .cms import EDITORIAL_BACKENDS, cms_config, config_text, publish_editor, team_backend
    from .editor import default_dist

    backend = team_backend(args.backend, args.repo, args.base_url.rstrip("/"), args.branch, args.app_id)
    editorial = args.backend in EDITORIAL_BACKENDS
    if not editorial:
        print("提示：Decap CMS 的 gitea 方式不支持“先提合并请求再合并”，修改会直接提交到分支；需要审核时请用 gitlab 或 forgejo。")
    config = cms_config(root, backend, editorial=editorial, site_url=args.site_url)
    if args.into is None:
        out = args.out if args.out.is_absolute() else root / args.out
        out.write_text(config_text(config), encoding="utf-8")
        print(f"已写出表单编辑器配置：{out}")
        return 0
    folder = args.into if args.into.is_absolute() else root / args.into
    try:
        written = publish_editor(folder, default_dist(root), config)
    except FileNotFoundError:
        print("表单编辑器的程序还没有安装：请先运行 make cms（需要 Node.js，只需一次）。", file=sys.stderr)
        return 1
    print(f"已把表单编辑器写进 {folder}（{len(written)} 个文件），随网站一起发布后在 {folder.name}/ 打开。")
    return 0


def run_edit(root: Path, port: int, dev_addr: str, year: str | None, as_of: str | None) -> int:
    """The form editor and, beside it, the live preview, until Ctrl-C or SIGTERM."""
    from .editor import editor_server

    preview = f"http://{dev_addr}/"
    try:
        server = editor_server(root, port, preview_url=preview)
        admin = server.__enter__()
    except OSError as error:
        print(
            f"表单编辑器没有启动：端口 {port} 用不了（{error.strerror}）。可能表单编辑器已经在运行；或用 --port 换一个端口。",
            file=sys.stderr,
        )
        return 1
    try:

        def started() -> None:
            print(f"表单编辑器：{admin}　预览：{preview}（保存后几秒自动刷新）。结束请按 Ctrl-C。", flush=True)

        given = {"as_of": as_of, "preview_years": year}
        return serve(root, ["--livereload", "--watch-theme", "--dev-addr", dev_addr], given, started)
    finally:
        server.__exit__(None, None, None)


def photos_with_gps(dataset: Dataset, gps: Callable[[Path], bool] = has_gps) -> list[str]:
    """Source photos that carry a GPS position (published copies never do); `gps` tells (`images.has_gps`)."""
    found = []
    for record, field, _ in pictures(dataset):
        name = getattr(record, field)
        if name and record.src.path is not None and gps(record.src.path.parent / name):
            found.append((Path(record.src.file).parent / name).as_posix())
    return sorted(found)


def run_wechat(root: Path, ident: str, year: int | None, out: Path | None, as_of: str | None) -> int:
    """Write the 公众号 article of a published exemplar or news story into a folder."""
    from .footer import site_url
    from .publish import published
    from .wechat import ArticleError, article_for, find, write

    paths = Paths.of_project(root)
    try:
        dataset = check(paths)
        public = published(dataset, as_of_for(dataset, as_of))
        kind, found_year, record = find(public, ident, year)
        article = article_for(public, kind, found_year, record, site_url(root / "mkdocs.yml"), paths.cache)
    except RecordsInvalid as error:
        print(error.report(building=False), file=sys.stderr)
        return 1
    except ArticleError as error:
        print(f"没有导出：{error}", file=sys.stderr)
        return 1
    folder = out if out is not None else Path("wechat") / ident
    folder = folder if folder.is_absolute() else root / folder
    written = write(article, folder)
    print(f"已导出公众号文章「{article.title}」到 {folder}（{len(written)} 个文件）。")
    pictures = "文章里的图片是同一文件夹里的文件，请在编辑器里逐张上传替换。" if len(written) > 1 else ""
    print(f"用法：用浏览器打开 article.html，全选（Ctrl+A）复制，粘贴到公众号编辑器。{pictures}")
    return 0


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


def run_office(root: Path, office_dir: Path, as_of: str | None, config: str = "mkdocs.yml") -> int:
    """The office report and press kits alone: check the records and write them."""
    from .footer import site_url

    try:
        files, notes = office_report(Paths.of_project(root), as_of, site_url=site_url(root / config))
    except RecordsInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    return write_office(office_dir, files, notes)


def write_office(office_dir: Path, files: dict[str, bytes], notes: list[str]) -> int:
    """Write the office report and the press kits into a temporary folder and swap it in."""
    clear_leftovers(office_dir)
    temporary = office_dir.with_name(f".{office_dir.name}.tmp-{os.getpid()}")
    try:
        temporary.mkdir(parents=True)
        for name, data in sorted(files.items()):
            (temporary / name).parent.mkdir(parents=True, exist_ok=True)
            (temporary / name).write_bytes(data)
        swap_in(temporary, office_dir)
    finally:
        # Never left behind with the internal report in it, whatever stopped the writing.
        shutil.rmtree(temporary, ignore_errors=True)
    print(f"组委会办公室内部报表已生成：{office_dir}（不对外公开，不要上传到网站）")
    kits = len({name.split("/")[1] for name in files if name.startswith("presskit/")})
    if kits:
        print(f"先进典型新闻宣传资料包 {kits} 个（海报、公众号文章、原尺寸照片、事实材料）：{office_dir / 'presskit'}")
    for note in notes:
        print(f"提示：{note}")
    return 0


def run_build(root: Path, site_dir: Path, as_of: str | None, config: str, office_dir: Path) -> int:
    """The site, then the office report from the records the site's build checked (one check a build)."""
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    clear_leftovers(site_dir)  # what a killed build left
    temporary = site_dir.with_name(f".{site_dir.name}.tmp-{os.getpid()}")
    from mkdocs.exceptions import MkDocsException

    from .plugin import configured

    config_file = root / config
    try:
        plugin = configured(str(config_file), as_of=as_of)
    except (MkDocsException, OSError) as error:
        print(f"{config}：{error}", file=sys.stderr)
        return 1
    try:
        code = build_here(config_file, temporary)
    finally:
        plugin.given = {}  # the process keeps its plugin: the next run in it gives its own options
    if code != 0:
        shutil.rmtree(temporary, ignore_errors=True)
        print(f"网站生成失败，{site_dir.name}/ 保持原样未改动。", file=sys.stderr)
        return code or 1
    swap_in(temporary, site_dir)
    print(f"网站已生成：{site_dir}")
    from .footer import site_url

    assert plugin.site is not None  # a build that succeeded made it
    files, notes = office_of(plugin.site, plugin.paths, site_url(config_file))
    return write_office(office_dir if office_dir.is_absolute() else root / office_dir, files, notes)


def run_export(root: Path, out: Path, as_of: str | None, config: str) -> int:
    """Write the site as a plain docs tree into `out` (see `export`): no MkDocs involved."""
    from .export import ExportError, export, page_count

    out = out if out.is_absolute() else Path.cwd() / out
    try:
        files = export(root, out, as_of, root / config)
    except RecordsInvalid as error:
        print(error.report(), file=sys.stderr)
        return 1
    except ExportError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"已导出到 {out}：{page_count(files)} 个页面，共 {len(files)} 个文件。"
        f"用 properdocs build -f {out}/mkdocs.yml 或 zensical build -f {out}/mkdocs.yml 生成网站。"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="劳动和技能竞赛网站：检查记录、生成网站。")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="项目文件夹（默认当前文件夹）")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="检查 site_data/ 和新闻里的所有记录，列出全部问题")
    check_parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="输出格式：text（给人看）、github（GitHub Actions 注释）、gitlab（GitLab 代码质量报告）、json",
    )
    check_parser.add_argument("--config-file", default="mkdocs.yml", help="网站配置（其导航 nav 列出的页面可以放在 content/ 里）")
    build = commands.add_parser("build", help="生成网站到 site/（成功后才替换旧网站）")
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.add_argument("--as-of", help="统计日期，如 2023-07-01（默认取竞赛记录里的 as_of 或今天）")
    build.add_argument("--config-file", default="mkdocs.yml")
    build.add_argument("--office-dir", type=Path, default=Path("office"), help="组委会办公室内部报表的位置（默认 office/）")
    office = commands.add_parser("office", help="只生成组委会办公室内部报表到 office/")
    office.add_argument("--office-dir", type=Path, default=Path("office"))
    office.add_argument("--as-of", help="统计日期，如 2023-07-01")
    commands.add_parser("guide", help="按字段定义更新编辑指南 EDITING.md 里的字段说明")
    new = commands.add_parser("new", help="新建一条记录：写出带全部字段和中文说明的文件")
    new.add_argument(
        "kind", choices=[k for k in KINDS if k != "campaign"] + ["campaign"], help="记录种类，如 person、collective、competition"
    )
    new.add_argument("--name", help="名称或姓名，用来生成拼音编号，如 --name 张明")
    new.add_argument("--year", type=int, help="年度（默认最新的年度）")
    roster = commands.add_parser("import", help="把名单表格（.xlsx 或 .csv）导入为先进个人或先进集体记录")
    roster.add_argument("kind", choices=["people", "collectives"], help="people（先进个人）或 collectives（先进集体）")
    roster.add_argument("file", type=Path, help="表格文件，第一行是列名：姓名、单位、岗位、荣誉……")
    roster.add_argument("--year", type=int, help="年度（默认最新的年度）")
    roster.add_argument(
        "--force", action="store_true", help="已有的同名同单位记录按表格重写（默认只更新表格里有的字段，手工补充的内容保留）"
    )
    init = commands.add_parser("init", help="为一个县（市）建立新项目：本地设置、年度竞赛记录框架、空的名录和方案正文")
    init.add_argument("--county", help="县（市、区）名称，如 青山县")
    init.add_argument("--union", help="主办工会全称，如 青山县总工会")
    init.add_argument("--year", type=int, help="竞赛年度，如 2024")
    next_year = commands.add_parser("new-year", help="以今年的竞赛记录为底开始下一年度：日期顺延，名录保留，今年留作往年归档")
    next_year.add_argument("--from", dest="old", type=int, help="从哪一年开始（默认最新的年度）")
    next_year.add_argument("--to", dest="new", type=int, help="新的年度（默认下一年）")
    guard = commands.add_parser(
        "guard",
        help="发布前的把关：数据仍是示例数据（sample: true）、没有网站地址（site_url）或页脚没有备案号时返回失败，CI 据此拒绝发布",
    )
    guard.add_argument("--config-file", default="mkdocs.yml")
    guard.add_argument("--as-of", help="发布时用的统计日期（与 build 的 --as-of 相同；默认取竞赛记录里的 as_of 或今天）")
    preview = commands.add_parser("serve", help="本地预览：改了文件自动刷新（Ctrl-C 或关闭终端结束，临时文件随之删除）")
    preview.add_argument("--year", help="预览哪些年度：all，或 2021,2022（默认当前年度）")
    preview.add_argument("--as-of", help="统计日期，如 2023-07-01")
    preview.add_argument("--dev-addr", default="127.0.0.1:8000", help="预览地址（默认 127.0.0.1:8000）")
    edit = commands.add_parser("edit", help="表单编辑器：在浏览器里用表单编辑记录，旁边是自动刷新的预览")
    edit.add_argument("--port", type=int, default=8081, help="表单编辑器的端口（默认 8081）")
    edit.add_argument("--year", help="预览哪些年度：all，或 2021,2022（默认当前年度）")
    edit.add_argument("--as-of", help="统计日期，如 2023-07-01")
    edit.add_argument("--dev-addr", default="127.0.0.1:8000", help="预览地址（默认 127.0.0.1:8000）")
    team = commands.add_parser(
        "cms", help="写出多人协作用的表单编辑器配置（自建 GitLab 或 Gitea，修改先成为合并请求，CI 检查后合并）"
    )
    team.add_argument(
        "--backend",
        choices=["gitlab", "forgejo", "gitea"],
        required=True,
        help="代码托管：gitlab 或 forgejo（修改先成为合并请求）；gitea（Decap 的 gitea 方式不支持合并请求，修改直接提交）",
    )
    team.add_argument("--repo", required=True, help="仓库，如 zonggonghui/jingsai")
    team.add_argument("--base-url", required=True, help="托管服务的地址，如 https://git.example.gov.cn")
    team.add_argument("--app-id", default="", help="在托管服务上为表单编辑器登记的 OAuth 应用 ID")
    team.add_argument("--branch", default="main", help="网站所用的分支（默认 main）")
    team.add_argument("--site-url", default="", help="网站地址（编辑器里“查看网站”的链接）")
    team.add_argument("--out", type=Path, default=Path("admin-config.yml"), help="配置写到哪里（默认 admin-config.yml）")
    team.add_argument("--into", type=Path, help="连同编辑器页面和程序一起写进这个文件夹，如 site/admin（先运行 make cms）")
    export = commands.add_parser(
        "export", help="把整个网站导出为普通文档目录（页面、图片、下载、样式和配置），可用 ProperDocs 或 Zensical 生成"
    )
    export.add_argument("dir", type=Path, help="导出到哪个文件夹（空文件夹，或上次导出的文件夹）")
    export.add_argument("--as-of", help="统计日期，如 2023-07-01（默认取竞赛记录里的 as_of 或今天）")
    export.add_argument("--config-file", default="mkdocs.yml", help="读取哪个配置里的导航和页脚（默认 mkdocs.yml）")
    wechat = commands.add_parser("wechat", help="把一篇新闻或一个先进典型导出为公众号文章（粘贴到公众号编辑器，图片单独成文件）")
    wechat.add_argument("id", help="先进集体、先进个人的编号（记录文件名，不带 .yml）或新闻的 slug")
    wechat.add_argument("--year", type=int, help="年度（同一编号在几个年度都有时必填）")
    wechat.add_argument("--out", type=Path, help="写到哪个文件夹（默认 wechat/编号/）")
    wechat.add_argument("--as-of", help="统计日期，如 2023-07-01（只导出这一天已发布的内容）")
    commands.add_parser("schema", help="按字段定义写出 JSON Schema（schemas/）和 VS Code 设置，编辑时有提示和红线")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return run_check(root, args.format, args.config_file)
    if args.command == "serve":
        given = {"as_of": args.as_of, "preview_years": args.year}
        return serve(root, ["--livereload", "--watch-theme", "--dev-addr", args.dev_addr], given)
    if args.command == "cms":
        return run_cms(root, args)
    if args.command == "edit":
        return run_edit(root, args.port, args.dev_addr, args.year, args.as_of)
    if args.command == "wechat":
        return run_wechat(root, args.id, args.year, args.out, args.as_of)
    if args.command == "guard":
        return run_guard(root, args.config_file, args.as_of)
    if args.command == "init":
        return run_init(root, args.county, args.union, args.year)
    if args.command == "new-year":
        return run_new_year(root, args.old, args.new)
    if args.command == "import":
        return run_import(root, args.kind, args.file, args.year, args.force)
    if args.command == "new":
        from .scaffold import new_record

        years = sorted(int(p.name) for p in (root / "site_data").glob("20[0-9][0-9]") if p.is_dir())
        year = args.year or (years[-1] if years else dt.date.today().year)
        try:
            path = new_record(root, args.kind, year, args.name)
        except FileExistsError as error:
            print(f"文件已存在，没有覆盖：{error}", file=sys.stderr)
            return 1
        print(f"已新建 {path.relative_to(root).as_posix()}，请按文件里的说明填写，然后运行 check。")
        return 0
    if args.command == "export":
        return run_export(root, args.dir, args.as_of, args.config_file)
    if args.command == "schema":
        for path in write_schemas(root):
            print(f"已写出 {path.relative_to(root).as_posix()}")
        return 0
    if args.command == "guide":
        changed = update_guide(root / "EDITING.md")
        print("EDITING.md 的字段说明已更新。" if changed else "EDITING.md 的字段说明已是最新。")
        return 0
    # The lock is held where the build's temporary folders go, beside site/ (or office/): two builds into
    # one place would clear each other's; builds into different places (tests, previews) may run at once.
    target = args.site_dir if args.command == "build" else args.office_dir
    target = target if target.is_absolute() else root / target
    try:
        with build_lock(target.parent):
            if args.command == "office":
                office_dir = args.office_dir if args.office_dir.is_absolute() else root / args.office_dir
                return run_office(root, office_dir, args.as_of)
            return run_build(root, args.site_dir, args.as_of, args.config_file, args.office_dir)
    except BuildRunning as running:
        print(running_message(str(running)), file=sys.stderr)
        return 1
