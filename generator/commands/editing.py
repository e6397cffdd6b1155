"""`edit`, `cms` and `wechat`: the form editor with its preview, the team's editor configuration, and a
公众号 article."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..pipeline import Paths, as_of_for, check
from ..problems import RecordsInvalid
from ..serving import serve


def run_cms(root: Path, args: argparse.Namespace) -> int:
    """The team's editor configuration: a self-hosted GitLab or Gitea, every edit a merge request."""
    from ..cms import EDITORIAL_BACKENDS, cms_config, config_text, publish_editor, team_backend
    from ..editor import default_dist

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
    from ..editor import editor_server

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
        return serve(root, ["--livereload", "--dev-addr", dev_addr], given, started)
    finally:
        server.__exit__(None, None, None)


def run_wechat(root: Path, ident: str, year: int | None, out: Path | None, as_of: str | None) -> int:
    """Write the 公众号 article of a published exemplar or news story into a folder."""
    from ..footer import site_url
    from ..publish import published
    from ..wechat import ArticleError, article_for, find, write

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
