"""The personal-data guard, both ways: what must be refused, and what merely contains such digits."""

from __future__ import annotations

import pytest

from generator.privacy import findings, valid_id18

from .conftest import edit, problems


def make_id(prefix17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return prefix17 + "10X98765432"[sum(int(d) * w for d, w in zip(prefix17, weights, strict=True)) % 11]


VALID_ID = make_id("45012319900307123")
INVALID_ID = VALID_ID[:-1] + ("0" if VALID_ID[-1] != "0" else "1")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        (f"身份证号{VALID_ID}。", "身份证号"),
        (f"证件：{VALID_ID.lower()}", "身份证号"),
        ("旧证450123900307123号", "身份证号（15位）"),
        ("电话13800138000", "手机号"),
        ("手机 138 0013 8000", "手机号"),
        ("手机：138-0013-8000。", "手机号"),
        ("+86 13800138000", "手机号"),
        ("邮箱 zhangsan@example.com", "电子邮箱"),
    ],
)
def test_personal_data_is_found(text, what):
    assert [f.what for f in findings(text, set())] == [what]


@pytest.mark.parametrize(
    "text",
    [
        f"编号{INVALID_ID}",  # 18 digits with a wrong check digit: a record number, not an ID
        "累计节约13800138000.5元",  # an amount
        "流水号213800138000",  # longer than a mobile
        "订单12013800138000123",  # a mobile-like run inside a longer number
        "得分 96.5，排名 1",
        "2023年5月25日印发",
        "隆安县总工会402室",
        "产值 1,380,013,800 元",
    ],
)
def test_numbers_that_merely_contain_such_digits_pass(text):
    assert list(findings(text, set())) == []


def test_check_digit():
    assert valid_id18(VALID_ID) and not valid_id18(INVALID_ID)


def test_a_public_contact_is_allowed_where_the_campaign_declares_it():
    assert list(findings("办公电话 0771-6512345，值班手机 13907710000", {"13907710000"})) == []


def test_the_check_names_file_line_and_field_and_masks_the_value(project):
    edit(project, "site_data/2023/people/huang-ceshi.yml", "post: 压榨工", "post: 压榨工 13800138000")
    edit(
        project,
        "site_data/2023/collectives/zongzhuang.yml",
        "  全年无安全事故。",
        f"  全年无安全事故。\n  联系人身份证{VALID_ID}",
    )
    edit(project, "content/news/posts/2023-06-20-launch.md", "更多内容。", "更多内容。\n\n联系 zhangsan@example.com")
    assert problems(project) == [
        "content/news/posts/2023-06-20-launch.md:14: 正文: 疑似电子邮箱「z***@example.com」：网站不得公开个人电子邮箱（个人信息保护法）。"
        "请删除；需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。",
        f"site_data/2023/collectives/zongzhuang.yml:12: story: 疑似身份证号「{VALID_ID[:3]}***********{VALID_ID[-4:]}」：网站不得公开个人身份证号（个人信息保护法）。"
        "请删除；需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。",
        "site_data/2023/people/huang-ceshi.yml:4: post: 疑似手机号「138****8000」：网站不得公开个人手机号（个人信息保护法）。"
        "请删除；需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。",
    ]


def test_an_unquoted_phone_read_as_a_number_is_caught(project):
    edit(project, "site_data/2023/competitions/zhuangpei.yml", "participants: 40", "participants: 13800138000")
    assert problems(project)[0].startswith(
        "site_data/2023/competitions/zhuangpei.yml:14: participants: 疑似手机号「138****8000」"
    )


def test_declared_public_contacts_may_be_published(project):
    edit(
        project,
        "site_data/2023/campaign.yml",
        "    address: 县总工会402室",
        "    address: 县总工会402室\n    phone: 0771-6512345\n    email: ghb@example.gov.cn",
    )
    edit(
        project,
        "content/news/posts/2023-06-20-launch.md",
        "更多内容。",
        "更多内容。咨询电话 0771-6512345，邮箱 ghb@example.gov.cn。",
    )
    assert problems(project) == []
