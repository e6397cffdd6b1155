"""The generator is not its sample: `generator/` and `theme/` name no county, township, person or unit.

The names below are the bundled 隆安 2023 sample's, written out here (tests never read `site_data/`):
a name of it found in the product means some county would see another county's words on its site.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import REPO

SAMPLE_NAMES = [
    # the county, its union and its townships
    "隆安",
    "城厢",
    "南圩",
    "雁江",
    "那桐",
    "乔建",
    "丁当",
    "屏山",
    "古潭",
    "都结",
    "布泉",
    "华侨管理区",
    # people of the sample's records and of its committee
    "何卫东",
    "黄美玲",
    "黄少波",
    "李志平",
    "梁国强",
    "陆秋萍",
    "蒙振华",
    "农建国",
    "农月梅",
    "覃晓燕",
    "韦海峰",
    "谢兰英",
    "吴雪华",
    "林卓琬",
    "王才文",
    "蒙体坚",
    # its units, by what makes each one's name its own
    "某新能源汽车配件",
    "某制糖",
    "某米业",
    "某人造板",
    "某竹编",
    "某纸制品包装",
]
# The ids of the sample's records (file names, codes in addresses), as whole words.
SAMPLE_IDS = [
    "chengxiang",
    "nanxu",
    "natong",
    "huaqiao",
    "nong-jianguo",
    "xinneng-peijian",
    "xinneng-zongzhuang",
    "xian-jineng-dasai",
    "zhitang",
    "longan",
]
PRODUCT = ("generator", "theme")
SUFFIXES = {".py", ".html", ".js", ".css", ".yml", ".yaml", ".svg", ".md", ".txt", ".json"}


def product_files() -> list[Path]:
    return sorted(p for folder in PRODUCT for p in (REPO / folder).rglob("*") if p.is_file() and p.suffix in SUFFIXES)


def test_the_product_has_files_to_look_at():
    names = {p.relative_to(REPO).as_posix() for p in product_files()}
    assert {"generator/validate.py", "generator/defaults/settings.yml", "theme/main.html"} <= names


@pytest.mark.parametrize("path", product_files(), ids=lambda p: p.relative_to(REPO).as_posix())
def test_no_sample_name_in_the_product(path: Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    found = [name for name in SAMPLE_NAMES if name in text]
    found += [name for name in SAMPLE_IDS if re.search(rf"(?<![a-z0-9-]){re.escape(name)}(?![a-z0-9-])", text)]
    assert found == [], f"{path.relative_to(REPO)} names the sample: {'、'.join(found)}"
