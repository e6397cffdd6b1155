"""Safe YAML loading that remembers where every key and list item stands.

PyYAML's safe loaders drop positions once values are built; editors need the line of the
field that is wrong, so mappings and lists are built as subclasses that carry their lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problem
from .yamlerrors import control_characters, syntax_problems

# The C parser is about seven times faster; fall back where libyaml is missing.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LinedDict(dict[str, Any]):
    """A mapping that knows the line of itself, of each key and the source text of scalars."""

    line: int
    key_lines: dict[str, int]
    scalars: dict[str, str]

    def __init__(self, line: int = 1) -> None:
        super().__init__()
        self.line = line
        self.key_lines = {}
        self.scalars = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LinedList(list[Any]):
    """A list that knows the line of itself and of each item."""

    line: int
    item_lines: list[int]

    def __init__(self, line: int = 1) -> None:
        super().__init__()
        self.line = line
        self.item_lines = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


_IMPLICIT: dict[str, list[tuple[str, re.Pattern[str]]]] = _BaseLoader.yaml_implicit_resolvers


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    def __init__(self, stream: str, file: str) -> None:
        super().__init__(stream)
        self.file = file
        self.problems: list[Problem] = []

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        # libyaml asks for the tag of every node in Python. Plain text, most of a record, is settled by
        # its first character, as PyYAML's resolver settles it, without its general machinery (the
        # safe loader has no resolvers by path or for any character).
        if kind is ScalarNode and implicit[0]:
            for tag, pattern in _IMPLICIT.get(value[:1], ()):
                if pattern.match(value):
                    return tag
            return _STR
        return str(super().resolve(kind, value, implicit))


def _put(loader: _Loader, data: LinedDict, key_node: Node, key: Any, value_node: Node, value: Any) -> None:
    """Put one pair into `data` with its line; a key that is not text or repeats is a problem."""
    if not isinstance(key, str):
        # Keys such as 2023 (a year) are legitimate; keep them, but as text.
        if isinstance(key, (int, float)) and not isinstance(key, bool):
            key = str(key)
        else:
            loader.problems.append(
                Problem(loader.file, _line(key_node), "", f"字段名「{key_node.value}」不是文字，请改成英文字段名。")
            )
            return
    if key in data:
        loader.problems.append(
            Problem(
                loader.file,
                _line(key_node),
                key,
                f"字段重复：第 {data.key_lines[key]} 行已经写过「{key}」，同一条记录里每个字段只能写一次。",
            )
        )
        return
    data[key] = value
    data.key_lines[key] = key_node.start_mark.line + 1
    if isinstance(value_node, ScalarNode):
        data.scalars[key] = str(value_node.value)


def _fill_mapping(loader: _Loader, node: MappingNode, data: LinedDict, build: Callable[[Node], Any]) -> LinedDict:
    """Put the node's pairs into `data` with their lines."""
    for key_node, value_node in node.value:
        key = build(key_node)
        repeated = isinstance(key, str) and key in data  # reported by `_put`; its value is not built
        _put(loader, data, key_node, key, value_node, None if repeated else build(value_node))
    return data


def _construct_mapping(loader: _Loader, node: MappingNode) -> Any:
    data = LinedDict(_line(node))
    yield data
    _fill_mapping(loader, node, data, lambda child: loader.construct_object(child, deep=True))


def _construct_sequence(loader: _Loader, node: SequenceNode) -> Any:
    data = LinedList(_line(node))
    yield data
    for item in node.value:
        data.append(loader.construct_object(item, deep=True))
        data.item_lines.append(_line(item))


def _construct_timestamp(loader: _Loader, node: ScalarNode) -> Any:
    # 2023-09-31 looks like a date but is none: keep the text, so that the field's check names it.
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


MAX_DEPTH = 20
ALIAS_MESSAGE = "不支持「&」和「*」引用（锚点和别名）：请把内容直接写出来。"
DEPTH_MESSAGE = f"层次太深（超过 {MAX_DEPTH} 层），记录不需要这么多层缩进。请检查缩进。"


def _shape_problem(root: Node | None) -> tuple[int, str] | None:
    """Refuse what no record needs and what could eat the machine: aliases and deep nesting.

    Aliases (`*name`) let a tiny file expand into billions of values ("billion laughs"); the node
    graph is walked once, and a node met twice is an alias.
    """
    if root is None:
        return None
    seen: set[int] = set()
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return _line(node), ALIAS_MESSAGE
        seen.add(id(node))
        if depth > MAX_DEPTH:
            return _line(node), DEPTH_MESSAGE
        if isinstance(node, MappingNode):
            stack.extend((child, depth + 1) for pair in node.value for child in pair)
        elif isinstance(node, SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
    return None


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_SCALARS = {
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:timestamp": _construct_timestamp,
}


class _Unusual(Exception):
    """A tag records never use (sets, binary, merges): leave it to PyYAML's general constructor."""


class _Shape(Exception):
    """An alias or too deep nesting, met while building: the line and the message."""


def _build(loader: _Loader, node: Node, depth: int, seen: set[int]) -> Any:
    """Build a value straight from the node tree: records use a handful of tags, and PyYAML's
    general constructor (a generator per node) costs several times more. Refuses what
    `_shape_problem` refuses, as it goes: a node met twice is an alias."""
    if id(node) in seen:
        raise _Shape(_line(node), ALIAS_MESSAGE)
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise _Shape(_line(node), DEPTH_MESSAGE)
    tag = node.tag
    if tag == _STR:
        return node.value
    # Children that are plain text, most of a record, are taken in place (the same checks, no call).
    inline = depth < MAX_DEPTH
    if tag == _MAP:
        data = LinedDict(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            if inline and key_node.tag == _STR and id(key_node) not in seen:
                seen.add(id(key_node))
                key = key_node.value
            else:
                key = _build(loader, key_node, depth + 1, seen)
            if isinstance(key, str) and key in data:
                _put(loader, data, key_node, key, value_node, None)  # reported; the value is not built
                continue
            if inline and value_node.tag == _STR and id(value_node) not in seen:
                seen.add(id(value_node))
                value = value_node.value
            else:
                value = _build(loader, value_node, depth + 1, seen)
            _put(loader, data, key_node, key, value_node, value)
        return data
    if tag == _SEQ:
        items = LinedList(node.start_mark.line + 1)
        for item in node.value:
            if inline and item.tag == _STR and id(item) not in seen:
                seen.add(id(item))
                items.append(item.value)
            else:
                items.append(_build(loader, item, depth + 1, seen))
            items.item_lines.append(item.start_mark.line + 1)
        return items
    construct = _SCALARS.get(tag)
    if construct is None or not isinstance(node, ScalarNode):
        raise _Unusual
    return construct(loader, node)


def load_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """Parse one YAML document; return its data and the problems met.

    >>> data, problems = load_yaml("name: 张三\\nyear: 2023\\n", "a.yml")
    >>> data["name"], data.line_of("year"), problems
    ('张三', 2, [])
    """
    loader = _Loader(text, file)
    try:
        node = loader.get_single_node()
        try:
            data = _build(loader, node, 1, set()) if node is not None else None
        except _Shape as shape:
            return None, [Problem(file, shape.args[0], "", shape.args[1])]
        except _Unusual:
            shape_problem = _shape_problem(node)  # checked whole before PyYAML builds anything
            if shape_problem:
                return None, [Problem(file, shape_problem[0], "", shape_problem[1])]
            loader.problems = []
            data = loader.construct_document(node)
    except yaml.reader.ReaderError:
        return None, control_characters(text, file)
    except yaml.MarkedYAMLError as error:
        return None, syntax_problems(error, text, file)
    except yaml.YAMLError as error:
        return None, [Problem(file, 0, "", f"YAML 无法读取：{error}")]
    finally:
        loader.dispose()
    return data, loader.problems


def field_lines(data: LinedDict) -> dict[str, int]:
    """The line of every field and list item, by the path messages use: `results[2].unit`.

    >>> data, _ = load_yaml("a: 1\\nb:\\n  - x: 1\\n  - x: 2\\n", "f.yml")
    >>> field_lines(data)["b[2].x"]
    4
    """
    lines: dict[str, int] = {}
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, LinedDict):
            for key, item in value.items():
                child = f"{path}.{key}" if path else str(key)
                lines[child] = value.key_lines.get(key, value.line)
                if isinstance(item, (LinedDict, LinedList)):
                    stack.append((item, child))
        elif isinstance(value, LinedList):
            for index, item in enumerate(value):
                child = f"{path}[{index + 1}]"
                lines[child] = value.line_of(index)
                if isinstance(item, (LinedDict, LinedList)):
                    stack.append((item, child))
    return lines
