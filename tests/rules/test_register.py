"""The register in the campaign record (generator/rules/register.py): each township once, totals not below the records."""

from __future__ import annotations

from ..conftest import edit, problems


def test_more_records_than_the_register_declares_is_refused(project):
    edit(project, "site_data/2023/campaign.yml", "    private_and_small: 9", "    private_and_small: 1")
    assert problems(project) == [
        "site_data/2023/campaign.yml:57: register[1]: 城厢镇的非公企业及小微企业登记为 1 家，但单位记录里已有 2 家属于这一类。"
        "覆盖率的分母应是企业名录里的总数：请按名录改正数字，或检查单位记录的性质、行业、是否规模以上。"
    ]


def test_a_township_missing_from_the_register_is_refused(project):
    edit(project, "site_data/2023/campaign.yml", "  - township: 那桐镇\n", "  - township: 南圩镇\n")
    assert problems(project) == [
        "site_data/2023/campaign.yml:56: register: 那桐镇的规模以上国有企业登记为 0 家，但单位记录里已有 1 家属于这一类。"
        "覆盖率的分母应是企业名录里的总数：请按名录改正数字，或检查单位记录的性质、行业、是否规模以上。"
    ]


def test_a_township_registered_twice(project):
    edit(project, "site_data/2023/campaign.yml", "  - township: 那桐镇\n", "  - township: 城厢镇\n")
    assert problems(project) == [
        "site_data/2023/campaign.yml:56: register: 那桐镇的规模以上国有企业登记为 0 家，但单位记录里已有 1 家属于这一类。覆盖率的分母应是企业名录里的总数：请按名录改正数字，或检查单位记录的性质、行业、是否规模以上。",
        "site_data/2023/campaign.yml:62: register[2]: 城厢镇的非公企业及小微企业登记为 0 家，但单位记录里已有 2 家属于这一类。覆盖率的分母应是企业名录里的总数：请按名录改正数字，或检查单位记录的性质、行业、是否规模以上。",
        "site_data/2023/campaign.yml:62: register[2].township: 「城厢镇」重复登记了。",
    ]
