"""Coverage against targets, checked against numbers worked out by hand from the fixture.

Fixture (2023): 城厢镇 has 测试配件 (民营, above size; runs 装配 from 06-10 and 五小 from 08-01) and 测试物流 (民营, small;
takes part in 优质服务 from 11-01); 那桐镇 has 测试糖业 (国有, above size; runs 节能 from 05-01).
Register: 城厢镇 2 state-owned, 0 construction, 1 services, 9 non-public/small; 那桐镇 1 state-owned.
"""

import datetime as dt
from dataclasses import replace

import pytest

from generator.coverage import Rate, coverage, groups_of
from generator.kinds.enterprises import Enterprise, YearFacts
from generator.validate import load_dataset

from .conftest import FIXTURE


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(FIXTURE / "site_data", FIXTURE / "content", FIXTURE)


def enterprise(ownership: str, industry: str, above: bool, small: bool = False) -> Enterprise:
    facts = YearFacts("城厢镇", "chengxiang", above, small)
    return Enterprise("x", "某企业", None, ownership, industry, [], {2023: facts}, None)


# The fixture leaves its groups to the national defaults; its industries say which sector each is in.
@pytest.mark.parametrize(
    ("ownership", "industry", "above", "small", "groups"),
    [
        ("国有企业", "食品加工", True, False, ["规模以上国有企业"]),
        ("国有企业", "建筑施工", True, False, ["规模以上国有企业", "规模以上建筑企业"]),
        ("国有企业", "物流配送", True, False, ["规模以上国有企业", "规模以上服务业"]),
        ("民营企业", "建筑施工", True, False, ["规模以上建筑企业", "非公企业及小微企业"]),
        ("民营企业", "文化旅游", True, False, ["规模以上服务业", "非公企业及小微企业"]),
        ("外资企业", "新能源汽车", True, False, ["非公企业及小微企业"]),
        ("国有企业", "食品加工", False, True, ["非公企业及小微企业"]),  # a state-owned firm on the 小微 register
        ("国有企业", "食品加工", False, False, []),  # below designated size is not 小微 by itself
        ("集体企业", "物流配送", False, True, ["非公企业及小微企业"]),
        ("事业单位", "教育", True, False, []),  # the targets are about enterprises
    ],
)
def test_groups_an_enterprise_counts_in(dataset, ownership, industry, above, small, groups):
    counted = groups_of(enterprise(ownership, industry, above, small), 2023, dataset.settings)
    assert [group.name for group in counted] == groups


def test_coverage_by_county_and_township_in_july(dataset):
    cov = coverage(dataset, 2023, dt.date(2023, 7, 1))
    county = {r.group: (r.ran, r.total, r.percent, r.met, r.needed) for r in cov.county}
    assert county == {
        # 测试糖业 ran 节能 (from 05-01): 1 of 2 + 1 = 3; 80 % of 3 is 2.4, so 3 are needed: 2 more.
        "规模以上国有企业": (1, 3, 33.3, False, 2),
        # No construction enterprise in the register: no data, not 0 %.
        "规模以上建筑企业": (0, 0, None, None, 0),
        # The fixture's campaign sets no target for services: a share, but no verdict.
        "规模以上服务业": (0, 1, 0.0, None, 0),
        # Only 测试配件 has run one by July (测试物流's starts in November): 1 of 9 = 11.1 %, 20 % of 9 is 1.8 → 2.
        "非公企业及小微企业": (1, 9, 11.1, False, 1),
    }
    townships = dict(cov.townships)
    assert [(r.ran, r.total) for r in townships["城厢镇"]] == [(0, 2), (0, 0), (0, 1), (1, 9)]
    assert [(r.ran, r.total) for r in townships["那桐镇"]] == [(1, 1), (0, 0), (0, 0), (0, 0)]
    assert townships["那桐镇"][0].met is True


def test_a_competition_counts_once_it_has_started(dataset):
    cov = coverage(dataset, 2023, dt.date(2023, 11, 1))
    private = cov.county[3]
    # 测试物流's 优质服务 starts 11-01: now 2 of 9 = 22.2 %, target 20 % met.
    assert (private.ran, private.percent, private.met, private.needed) == (2, 22.2, True, 0)


def test_percent_is_cut_down_never_rounded_up_to_the_target():
    rate = Rate("规模以上国有企业", 80, 1999, 2500)  # 79.96 %
    assert rate.percent == 79.9
    assert rate.met is False and rate.needed == 1
    assert Rate("规模以上国有企业", 80, 2000, 2500).met is True


def test_no_register_means_no_data(dataset):
    year = dataset.years[2023]
    bare = replace(dataset, years={2023: replace(year, campaign=replace(year.campaign, register=[]))})
    cov = coverage(bare, 2023, dt.date(2023, 7, 1))
    assert cov.has_register is False
    assert all(not r.has_data and r.percent is None for r in cov.county)
