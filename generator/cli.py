"""Command line: `python -m generator check`, `build` and the other commands. This module reads the command
line; what each command does is in `commands/` (one module per group).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .commands.build import run_build_locked, run_export, run_office_locked
from .commands.check import run_check, run_guard
from .commands.editing import run_cms, run_edit, run_wechat
from .commands.records import run_import, run_init, run_new, run_new_year
from .guide import update_guide
from .jsonschema import write_schemas
from .kinds import KINDS
from .report import FORMATS
from .serving import serve


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
        return serve(root, ["--livereload", "--dev-addr", args.dev_addr], given)
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
        return run_new(root, args.kind, args.year, args.name)
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
    if args.command == "office":
        return run_office_locked(root, args.office_dir, args.as_of)
    return run_build_locked(root, args.site_dir, args.as_of, args.config_file, args.office_dir)
