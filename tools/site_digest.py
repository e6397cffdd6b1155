"""A digest of a built site (and the office report): refactors must leave it unchanged.

python tools/site_digest.py site office        # one line per tree, then the combined digest
python tools/site_digest.py --list site > a    # every file's digest, to diff two builds
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path


def file_digests(tree: Path) -> dict[str, str]:
    """Each file's SHA-256 by its path inside `tree`, in a stable order."""
    return {
        path.relative_to(tree).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(tree.rglob("*"))
        if path.is_file()
    }


def tree_digest(tree: Path) -> str:
    whole = hashlib.sha256()
    for name, digest in file_digests(tree).items():
        whole.update(f"{name}\0{digest}\n".encode())
    return whole.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="every file's digest, for a diff")
    args = parser.parse_args()
    for tree in args.trees:
        if args.list:
            for name, digest in file_digests(tree).items():
                print(f"{digest}  {tree.name}/{name}")
        else:
            print(f"{tree_digest(tree)}  {tree}/ ({len(file_digests(tree))} files)")


if __name__ == "__main__":
    main()
