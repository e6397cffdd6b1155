"""How much a "billion laughs" YAML file costs before it is refused.

.venv/bin/python benchmarks/alias_bomb.py
"""

from __future__ import annotations

import statistics
import time
import tracemalloc

from generator.yamlio import load_yaml


def bomb(levels: int = 10, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


def main() -> None:
    text = bomb()
    times = []
    for _ in range(21):
        start = time.perf_counter()
        data, problems = load_yaml(text, "bomb.yml")
        times.append(time.perf_counter() - start)
        assert data is None and problems
    tracemalloc.start()
    load_yaml(text, "bomb.yml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{len(text)} bytes that would expand to 9^10 ≈ 3.5 billion values")
    print(f"refused: {problems[0]}")
    print(f"median time to refuse: {statistics.median(times) * 1000:.2f} ms (21 runs); peak Python memory: {peak / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
