"""Running MkDocs for `build` and the live preview: its English closing lines said in Chinese, its
temporary site removed however the preview is stopped.

MkDocs ends a failed build with `Aborted with a BuildError!` after our Chinese report, and prefixes
the report with `ERROR    -  `. An editor reads the Chinese and nothing after it. `mkdocs serve`
keeps its site in a temporary folder (in /dev/shm, where `make serve` puts it) that it removes on
Ctrl-C but not when it is killed with SIGTERM, as a closing terminal or a process manager does.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

ENV_PREVIEW_TMP = "CAMPAIGN_PREVIEW_TMP"  # where the preview's site goes (default: /dev/shm where there is one)
CJK = re.compile(r"[\u3400-\u9fff]")
LEVEL_PREFIX = re.compile(r"^(?:\x1b\[[0-9;]*m)*(?:ERROR|WARNING)(?:\x1b\[[0-9;]*m)*\s+-\s+")
STRICT_ABORT = re.compile(r"Aborted with (\d+) warnings? in strict mode!")


def chinese_line(line: str) -> str | None:
    """A line of MkDocs' error output as an editor should read it; None to leave it out.

    >>> chinese_line("ERROR    -  a.yml:3: name: 不能为空。"), chinese_line("Aborted with a BuildError!")
    ('a.yml:3: name: 不能为空。', None)
    >>> chinese_line("Aborted with 2 warnings in strict mode!")
    '有 2 条警告（严格模式下警告也算错误），网站未生成。'
    """
    text = line.rstrip("\n")
    if not text.strip():
        return None  # MkDocs puts a blank line before its last word
    if text.strip() == "Aborted!":
        return None  # click's word for a Ctrl-C, which we sent ourselves to stop the preview
    if "Aborted with a BuildError!" in text:
        return None  # our own report, just printed, already says that the site was not built
    strict = STRICT_ABORT.search(text)
    if strict:
        return f"有 {strict.group(1)} 条警告（严格模式下警告也算错误），网站未生成。"
    if CJK.search(text):
        return LEVEL_PREFIX.sub("", text)
    return text


def relay(stream: Iterable[str], out: TextIO) -> None:
    """Copy MkDocs' error output, line by line as it comes, in Chinese where it ends a failed build."""
    for line in stream:
        said = chinese_line(line)
        if said is not None:
            out.write(said + "\n")
            out.flush()


def mkdocs_env() -> dict[str, str]:
    # Material's end-of-life notice is English and says nothing an editor can act on.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


_MERGED: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True, "encoding": "utf-8"}


class _Relayed(logging.Handler):
    """MkDocs' log, said as `relay` says it: what `mkdocs build` would print, in Chinese where it can."""

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self.out = out

    def emit(self, record: logging.LogRecord) -> None:
        said = chinese_line(f"{record.levelname:<8}-  {record.getMessage()}")
        if said is not None:
            self.out.write(said + "\n")
            self.out.flush()


def build_here(config_file: Path, site_dir: Path, out: TextIO | None = None) -> int:
    """`mkdocs build --strict` in this process, as MkDocs' own command runs it; 0 when it succeeded.

    In this process, not a child: the build's plugin is the one `plugin.configured` set up with the
    command line's options, and its checked records make the office report afterwards.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    out = sys.stderr if out is None else out
    logger = logging.getLogger("mkdocs")
    handler = _Relayed(out)
    saved = (logger.level, logger.propagate)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except Abort as error:
        said = chinese_line(error.format_message())
        if said is not None:
            out.write(said + "\n")
        return 1
    except MkDocsException as error:  # a bad mkdocs.yml: MkDocs' own words, as its command says them
        out.write(f"{error.format_message()}\n")
        return 1
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
    return 0


STOP_GRACE = 15  # seconds MkDocs has to stop after Ctrl-C


def preview_base() -> Path:
    """Where the preview's temporary site goes: memory-backed /dev/shm where the machine has one."""
    given = os.environ.get(ENV_PREVIEW_TMP)
    if given:
        return Path(given)
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def serve(
    root: Path,
    args: list[str],
    given: dict[str, str | None] | None = None,
    started: Callable[[], None] | None = None,
) -> int:
    """`mkdocs serve ARGS` in `root` until it ends or this process is stopped (Ctrl-C or SIGTERM); its
    temporary site is removed either way. `given`: the campaign plugin's options from the command line
    (`as_of`, `preview_years`); `started` is called once the child runs (for `edit`)."""
    folder = Path(tempfile.mkdtemp(prefix="campaign-preview-", dir=preview_base()))
    options = [f"{key}={value}" for key, value in (given or {}).items() if value]
    command = [sys.executable, "-m", "generator.serving", "mkdocs.yml", *options, "--", "serve", *args]
    # The child's temporary site goes inside our own folder, which we remove whatever became of the child.
    child_env = {**mkdocs_env(), "TMPDIR": str(folder)}
    child = subprocess.Popen(command, cwd=root, env=child_env, **_MERGED)

    def stop(signum: int, frame: FrameType | None) -> None:
        # Ctrl-C reaches the child from the terminal as well; SIGTERM reaches only us: pass it on as the
        # Ctrl-C that MkDocs cleans up after, and end it for good if it has not stopped in a while.
        if child.poll() is None:
            child.send_signal(signal.SIGINT)
            timer = threading.Timer(STOP_GRACE, child.kill)
            timer.daemon = True
            timer.start()

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)}
    try:
        if started is not None:
            started()
        assert child.stdout is not None
        relay(child.stdout, sys.stderr)
        try:
            code = child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            child.kill()
            code = child.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if child.poll() is None:
            child.kill()
            child.wait()
        shutil.rmtree(folder, ignore_errors=True)
    # Stopped on purpose (by a signal passed on as Ctrl-C) is a normal end.
    return 0 if code in (0, -signal.SIGINT, 130) else code


def _preview_child(argv: list[str]) -> None:
    """The preview's child process: `CONFIG KEY=VALUE… -- serve ARGS`. The campaign plugin is set up
    with the options, then MkDocs' own command runs, in this process, with the same plugin.

    Ctrl-C is restored: a program started in the background by a shell (`make edit &`, a service)
    inherits SIGINT ignored, and MkDocs would then never hear the Ctrl-C it cleans up after.
    """
    import runpy

    from .plugin import configured

    signal.signal(signal.SIGINT, signal.default_int_handler)
    split = argv.index("--")
    given = dict(option.split("=", 1) for option in argv[1:split])
    configured(argv[0], **given)
    sys.argv = ["mkdocs", *argv[split + 1 :]]
    runpy.run_module("mkdocs", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    _preview_child(sys.argv[1:])
