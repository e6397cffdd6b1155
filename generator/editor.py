"""`make edit`: the form editor on the editor's own machine, with no Node and no account.

A small HTTP server on localhost serves Decap CMS's admin page and bundle from our own origin, the
editor's configuration made afresh from the kind declarations at every load (`cms.py`), and the JSON
API of Decap's local proxy (`decap-server`'s `local_fs` mode): the CMS posts `{action, params}` to
/api/v1 and the server reads and writes the working tree. Only files under site_data/ and content/
can be read or written; anything else is refused. The live preview (`mkdocs serve`) runs beside it. After each save the project is checked and what is
wrong in the record just saved is shown in the editor (`check_saved`, `editor_assets/check-on-save.js`).
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import mimetypes
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from .cms import ADMIN_INDEX, cms_config, config_text, local_backend
from .pipeline import Paths, check
from .problems import RecordsInvalid

ENV_CMS_DIST = "CAMPAIGN_CMS_DIST"  # where Decap's dist/ folder is (default: tools/cms/node_modules/decap-cms/dist)
WRITABLE = ("site_data", "content")
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
MAX_BODY = 40 * 1024 * 1024  # a phone photo, base64-encoded, with room to spare
CHECK_ON_SAVE = Path(__file__).parent / "editor_assets" / "check-on-save.js"

MISSING_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>表单编辑器还没有安装</title></head>
<body><h1>表单编辑器还没有安装</h1>
<p>请在准备网站的电脑上（要有 Node.js，只需一次）运行 <code>make cms</code>，再运行 <code>make edit</code>。</p>
</body></html>
"""


class Refused(Exception):
    """A request the proxy will not carry out: said to the CMS as an error, in Chinese."""


def default_dist(root: Path) -> Path:
    given = os.environ.get(ENV_CMS_DIST)
    return Path(given) if given else root / "tools" / "cms" / "node_modules" / "decap-cms" / "dist"


class Repository:
    """The working tree as the CMS sees it: paths relative to the project, inside site_data/ or content/."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def resolve(self, path: str) -> Path:
        """The file a CMS path names, refused unless it is inside site_data/ or content/.

        >>> import tempfile; repo = Repository(Path(tempfile.mkdtemp()))
        >>> repo.resolve("site_data/2023/people/a.yml").relative_to(repo.root).as_posix()
        'site_data/2023/people/a.yml'
        >>> repo.resolve("../etc/passwd")
        Traceback (most recent call last):
        generator.editor.Refused: 不能读写「../etc/passwd」：表单编辑器只能改 site_data/ 和 content/ 里的文件。
        """
        pure = PurePosixPath(path.replace("\\", "/"))
        refused = Refused(f"不能读写「{path}」：表单编辑器只能改 site_data/ 和 content/ 里的文件。")
        if pure.is_absolute() or ".." in pure.parts or not pure.parts or pure.parts[0] not in WRITABLE:
            raise refused
        resolved = (self.root / pure).resolve()
        # Symbolic links are followed, and must still land inside.
        if not any(resolved.is_relative_to(self.root / top) for top in WRITABLE):
            raise refused
        return resolved

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def entry(self, path: str, label: str | None = None) -> dict[str, Any]:
        file = self.resolve(path)
        try:
            content = file.read_bytes()
        except OSError:  # not there (yet): the CMS asks before it creates a file
            return {"data": None, "file": {"path": path, "label": label, "id": None}}
        digest = hashlib.sha256(content).hexdigest()
        return {"data": content.decode("utf-8"), "file": {"path": path, "label": label, "id": digest}}

    def listing(self, folder: str, extension: str, depth: int) -> list[str]:
        try:
            base = self.resolve(folder)
        except Refused:
            return []
        found: list[str] = []

        def walk(directory: Path, left: int) -> None:
            if left <= 0 or not directory.is_dir():
                return
            for child in sorted(directory.iterdir()):
                if child.is_dir():
                    walk(child, left - 1)
                elif child.name.endswith(extension):
                    found.append(self.relative(child))

        walk(base, depth)
        return found

    def media(self, path: str) -> dict[str, Any]:
        content = self.resolve(path).read_bytes()
        return {
            "id": hashlib.sha256(content).hexdigest(),
            "content": base64.b64encode(content).decode("ascii"),
            "encoding": "base64",
            "path": path,
            "name": PurePosixPath(path).name,
        }

    def write(self, path: str, content: bytes) -> None:
        target = self.resolve(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.cms-{os.getpid()}")
        temporary.write_bytes(content)
        temporary.replace(target)  # never a half-written record, whatever happens meanwhile

    def delete(self, path: str) -> None:
        self.resolve(path).unlink(missing_ok=True)


def _asset_bytes(asset: dict[str, Any]) -> bytes:
    content = str(asset.get("content", ""))
    return base64.b64decode(content) if asset.get("encoding") == "base64" else content.encode("utf-8")


def handle(repo: Repository, action: str, params: dict[str, Any]) -> Any:
    """One call of Decap's local proxy API (decap-server, `local_fs` mode)."""
    if action == "info":
        return {"repo": repo.root.name, "publish_modes": ["simple"], "type": "local_fs"}
    if action == "entriesByFolder":
        files = repo.listing(str(params["folder"]), str(params.get("extension", "")), int(params.get("depth", 1)))
        return [repo.entry(path) for path in files]
    if action == "entriesByFiles":
        return [repo.entry(str(f["path"]), f.get("label")) for f in params.get("files", [])]
    if action == "getEntry":
        return repo.entry(str(params["path"]))
    if action == "persistEntry":
        entry = params.get("entry")
        data_files = params.get("dataFiles") or ([entry] if entry else [])
        for data_file in data_files:
            repo.resolve(str(data_file["path"]))  # every path checked before anything is written
            if data_file.get("newPath"):
                repo.resolve(str(data_file["newPath"]))
        for asset in params.get("assets", []):
            repo.resolve(str(asset["path"]))
        for data_file in data_files:
            text = str(data_file["raw"])
            repo.write(str(data_file["path"]), (text if text.endswith("\n") else text + "\n").encode("utf-8"))
        for asset in params.get("assets", []):
            repo.write(str(asset["path"]), _asset_bytes(asset))
        for data_file in data_files:
            if data_file.get("newPath"):
                old, new = repo.resolve(str(data_file["path"])), repo.resolve(str(data_file["newPath"]))
                new.parent.mkdir(parents=True, exist_ok=True)
                old.replace(new)
        return {"message": "entry persisted"}
    if action == "getMedia":
        folder = str(params.get("mediaFolder", ""))
        return [repo.media(path) for path in repo.listing(folder, "", 1) if path.lower().endswith(IMAGE_SUFFIXES)]
    if action == "getMediaFile":
        return repo.media(str(params["path"]))
    if action == "persistMedia":
        asset = params["asset"]
        repo.write(str(asset["path"]), _asset_bytes(asset))
        return repo.media(str(asset["path"]))
    if action == "deleteFile":
        repo.delete(str(params["path"]))
        return {"message": f"deleted file {params['path']}"}
    if action == "deleteFiles":
        for path in params.get("paths", []):
            repo.delete(str(path))
        return {"message": "deleted files"}
    if action == "getDeployPreview":
        return None
    raise KeyError(action)


def check_saved(root: Path, path: str) -> dict[str, Any]:
    """The check of the whole project, as `make check` makes it, after `path` was saved: the problems in
    that file, and how many there are elsewhere (a record may break another, e.g. a renamed id)."""
    try:
        check(Paths.of_project(root))
    except RecordsInvalid as error:
        mine = [p for p in error.problems if p.file == path]
        problems = [{"line": p.line, "field": p.field, "message": p.message} for p in mine]
        return {"problems": problems, "others": len(error.problems) - len(mine)}
    return {"problems": [], "others": 0}


class EditorHandler(http.server.BaseHTTPRequestHandler):
    """The admin page, its bundle, its configuration and the proxy API, all from one origin."""

    repo: Repository
    dist: Path
    preview_url: str = ""
    title: str = ""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, status: int, value: Any) -> None:
        self._send(status, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in ("/", "/admin"):
            self.send_response(302)
            self.send_header("Location", "/admin/")
            self.end_headers()
            return
        if not path.startswith("/admin/"):
            self._send(404, "找不到这个页面。".encode(), "text/plain; charset=utf-8")
            return
        name = path.removeprefix("/admin/")
        if name in ("", "index.html"):
            scripts = '\n<script src="check-on-save.js"></script>'
            page = (
                ADMIN_INDEX.format(title=f" · {self.title}", scripts=scripts)
                if (self.dist / "decap-cms.js").is_file()
                else MISSING_PAGE
            )
            self._send(200, page.encode("utf-8"), "text/html; charset=utf-8")
            return
        if name == "config.yml":
            host = self.headers.get("Host") or "127.0.0.1"
            config = cms_config(self.repo.root, local_backend(f"http://{host}/api/v1"), site_url=self.preview_url)
            self._send(200, config_text(config).encode("utf-8"), "text/yaml; charset=utf-8")
            return
        if name == "check-on-save.js":
            self._send(200, CHECK_ON_SAVE.read_bytes(), "text/javascript; charset=utf-8")
            return
        if "/" in name or name.startswith("."):
            self._send(404, b"", "text/plain")
            return
        file = self.dist / name
        if not file.is_file():
            self._send(404, b"", "text/plain")
            return
        kind = "application/wasm" if name.endswith(".wasm") else mimetypes.guess_type(name)[0] or "application/octet-stream"
        self._send(200, file.read_bytes(), kind)

    def do_POST(self) -> None:
        if urlsplit(self.path).path == "/api/check":
            try:
                length = min(int(self.headers.get("Content-Length", "0")), 64 * 1024)
                path = str(json.loads(self.rfile.read(length) or b"{}").get("path", ""))
                self.repo.resolve(path)  # a file of the project's records or content, nothing else
                self._json(200, check_saved(self.repo.root, path))
            except Refused as error:
                self._json(403, {"error": str(error)})
            except (OSError, ValueError) as error:
                self._json(500, {"error": f"检查出错：{error}"})
            return
        if urlsplit(self.path).path != "/api/v1":
            self._json(404, {"error": "找不到这个接口。"})
            return
        length = int(self.headers.get("Content-Length", "0"))
        if length > MAX_BODY:
            self._json(413, {"error": f"文件太大：一次最多上传 {MAX_BODY // 1024 // 1024 * 3 // 4} MB。"})
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            action, params = str(body.get("action", "")), body.get("params") or {}
            self._json(200, handle(self.repo, action, params))
        except Refused as error:
            self._json(403, {"error": str(error)})
        except KeyError as error:
            self._json(422, {"error": f"不认识的请求：{error}"})
        except (OSError, ValueError) as error:
            self._json(500, {"error": f"读写文件出错：{error}"})


@contextmanager
def editor_server(root: Path, port: int = 0, preview_url: str = "", dist: Path | None = None) -> Iterator[str]:
    """Serve the editor for the project at `root` on localhost; yield its admin page's address."""
    handler = type(
        "Handler",
        (EditorHandler,),
        {"repo": Repository(root), "dist": dist or default_dist(root), "preview_url": preview_url, "title": root.name},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/admin/"
    finally:
        server.shutdown()
        server.server_close()
