"""Running MkDocs for `build` and the live preview: its English closing lines said in Chinese, its
temporary site removed however the preview is stopped.

MkDocs ends a failed build with `Aborted with a BuildError!` after our Chinese report, and prefixes
the report with `ERROR    -  `. An editor reads the Chinese and nothing after it. `mkdocs serve`
keeps its site in a temporary folder (in /dev/shm, where `make serve` puts it) that it removes on
Ctrl-C but not when it is killed with SIGTERM, as a closing terminal or a process manager does.
"""

from __future__ import annotations

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


def mkdocs_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    # Material's end-of-life notice is English and says nothing an editor can act on.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra or {})}


_MERGED: dict[str, Any] = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True, "encoding": "utf-8"}


def run_mkdocs(args: list[str], cwd: Path, env: dict[str, str]) -> int:
    """`mkdocs ARGS` to the end, its error output relayed in Chinese; its exit code."""
    command = [sys.executable, "-m", "mkdocs", *args]
    # MkDocs logs to standard error and says its last word (`Aborted with …`) on standard output: both
    # are read here as one stream, in the order they were written, and relayed to standard error.
    with subprocess.Popen(command, cwd=cwd, env=env, **_MERGED) as child:
        assert child.stdout is not None
        relay(child.stdout, sys.stderr)
        return child.wait()


# `mkdocs` with Ctrl-C restored: a program started in the background by a shell (`make edit &`, a
# service) inherits SIGINT ignored, and MkDocs would then never hear the Ctrl-C it cleans up after.
_INTERRUPTIBLE_MKDOCS = (
    "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)"
)
STOP_GRACE = 15  # seconds MkDocs has to stop after Ctrl-C


def preview_base() -> Path:
    """Where the preview's temporary site goes: memory-backed /dev/shm where the machine has one."""
    given = os.environ.get(ENV_PREVIEW_TMP)
    if given:
        return Path(given)
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def serve(root: Path, args: list[str], env: dict[str, str] | None = None, started: Callable[[], None] | None = None) -> int:
    """`mkdocs serve ARGS` in `root` until it ends or this process is stopped (Ctrl-C or SIGTERM); its
    temporary site is removed either way. `started` is called once the child runs (for `edit`)."""
    folder = Path(tempfile.mkdtemp(prefix="campaign-preview-", dir=preview_base()))
    command = [sys.executable, "-c", _INTERRUPTIBLE_MKDOCS, "serve", *args]
    # The child's temporary site goes inside our own folder, which we remove whatever became of the child.
    child_env = {**(env or mkdocs_env()), "TMPDIR": str(folder)}
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
