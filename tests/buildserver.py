"""`python -m MODULE ARGS…` for the tests, each run a process of its own, without paying for the imports each time.

A whole-site build started as a fresh interpreter spends about 2 of its 3.5 s importing mkdocs, Material and
the generator and loading jieba's dictionary. This server (one per test process, started at its first run)
does that once, adds no words to jieba and builds nothing itself, then forks a child for each run: the child
takes the test's working directory, environment and output files and runs the module as `python -m` does,
and ends as an interpreter does, so the return code and what it printed are the fresh process's. Whatever a
run changes (jieba's words, a module's state) dies with its child: runs stay isolated from one another.

    python -m tests.buildserver SOCKET   (tests/conftest.py starts it; it ends when its stdin closes)
"""

from __future__ import annotations

import json
import os
import pkgutil
import runpy
import select
import signal
import socket
import sys
from importlib import import_module
from typing import Any

# What a build imports on its way (the CLI, mkdocs' build, the plugins and Markdown extensions in mkdocs.yml).
WARM = [
    "generator.cli",
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "material.plugins.search.plugin",
    "material.plugins.blog.plugin",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.admonition",
    "markdown.extensions.tables",
    "markdown.extensions.toc",
    "pymdownx.slugs",
    "PIL.Image",
]


def warm() -> None:
    """Import what every run would import, and load jieba's dictionary without adding a word to it."""
    import jieba

    import generator

    for name in WARM:
        import_module(name)
    for module in pkgutil.walk_packages(generator.__path__, "generator."):
        if not module.name.endswith(".__main__"):
            import_module(module.name)
    jieba.initialize()


def serve(address: str) -> None:
    warm()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(16)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # the handlers below are reaped without a wait
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    while True:
        ready, _, _ = select.select([listener, sys.stdin], [], [])
        if sys.stdin in ready and not os.read(sys.stdin.fileno(), 1):
            return  # the test process has ended
        if listener in ready:
            connection, _ = listener.accept()
            if os.fork() == 0:
                listener.close()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                handle(connection)  # returns only in the run's child
                return
            connection.close()


def handle(connection: socket.socket) -> None:
    """Fork the run, wait for it and send back its exit code; in the run's child, return to run it."""
    data = b""
    while chunk := connection.recv(65536):
        data += chunk
    request = json.loads(data)
    pid = os.fork()
    if pid == 0:
        connection.close()
        run(request)
        return
    _, status = os.waitpid(pid, 0)
    connection.sendall(str(os.waitstatus_to_exitcode(status)).encode())
    connection.close()
    os._exit(0)


def run(request: dict[str, Any]) -> None:
    """Become `python -m MODULE ARGS…` started in `cwd` with `env`, its output going to the two files.

    The module's SystemExit, or an exception, leaves through the server's frames, none of which catches
    it, so the interpreter ends this child as it ends a fresh one: it prints an uncaught exception, runs
    the exit handlers, flushes the output and exits with the code.
    """
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    for fd, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, request["stdout"], os.O_WRONLY),
        (2, request["stderr"], os.O_WRONLY),
    ):
        opened = os.open(path, flags)
        os.dup2(opened, fd)
        os.close(opened)
    sys.path[0] = request["cwd"]  # as `python -m` puts it
    sys.argv = ["-m", *request["args"]]
    runpy.run_module(request["module"], run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    serve(sys.argv[1])
