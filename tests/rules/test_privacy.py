"""The personal-data guard (generator/rules/privacy.py), both ways: what must be refused, and what merely
contains such digits; each pattern as people type it (spaced, full-width, dotted), in records, content and imports.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from generator.roster import import_roster
from generator.rules.privacy import findings, luhn, valid_id18
from generator.validate import load_dataset

from ..conftest import edit, problems


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


# Personal data typed the ways people type it: spaced, full-width, dotted; bank cards and home addresses.
ID = "11010519491231002X"
CARD = "6222020200112345679"  # a valid Luhn check digit
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("身份证 110105 19491231 002X", "身份证号"),
        ("身份证 110105-1949-1231-002X", "身份证号"),
        ("身份证 110105 1949 1231 002x", "身份证号"),
        (f"身份证{ID.translate(FULL_WIDTH)}", "身份证号"),
        ("身份证 １１０１０５　１９４９１２３１　００２Ｘ", "身份证号"),
        ("手机 138.0013.8000", "手机号"),
        ("手机１３８００１３８０００", "手机号"),
        ("手机 １３８－００１３－８０００", "手机号"),
        (f"工资卡 {CARD}", "银行卡号"),
        ("工资卡 6222 0202 0011 2345 679", "银行卡号"),
        ("卡号 6217-0012-3456-7893", "银行卡号"),
        ("信用卡 4111111111111111", "银行卡号"),
        ("家住民族大道100号青秀苑3栋2单元501室", "家庭住址"),
        ("住 5 栋 2 单元 302", "家庭住址"),
        ("住三栋二单元五〇一室", "家庭住址"),
        ("住12幢302室", "家庭住址"),
        ("住8号楼1单元", "家庭住址"),
    ],
)
def test_each_pattern_catches_what_it_must(text: str, what: str):
    assert [f.what for f in findings(text, set())] == [what]


@pytest.mark.parametrize(
    "text",
    [
        "办公电话 0771-1234567",  # a landline
        "值班电话 (0771) 6512345",
        "0771-6512345转8001",
        "2023年5月25日印发，2023-05-25",
        "20230525 至 20231231",
        "累计节约13800138000.5元",
        "金额 138.0013 万元",
        "产值 1,380,013,800 元",
        "订单号6222020200112345670",  # a card-like number whose check digit is wrong
        "流水号1234567812345670",  # valid Luhn, but no card network starts with 1
        "统一社会信用代码 91450123MA5K8XXX1Q",
        f"编号{ID[:-1]}1",  # an ID number with a wrong check digit
        "隆安县总工会402室",  # an office, not a home
        "行政中心2号楼305室",
        "县政府3号楼",
        "1号车间、3号厂房、第2号文件",
        "一单元竞赛题目，第二单元实操",
    ],
)
def test_each_pattern_leaves_alone_what_merely_looks_like_it(text: str):
    assert list(findings(text, set())) == []


def test_an_id_number_is_not_also_called_a_bank_card():
    both = "450123199003070157"  # a valid ID number that happens to pass the Luhn check too
    assert luhn(both)
    assert [f.what for f in findings(f"身份证 {both}", set())] == ["身份证号"]


def test_luhn():
    assert luhn(CARD) and not luhn(CARD[:-1] + "0")


def test_records_are_checked_for_each_pattern(project: Path):
    edit(project, "site_data/2023/people/huang-ceshi.yml", "post: 压榨工", "post: 压榨工 １３８．００１３．８０００")
    edit(
        project,
        "site_data/2023/collectives/zongzhuang.yml",
        "  全年无安全事故。",
        "  全年无安全事故。\n  联系人 110105 19491231 002X，住青秀苑3栋2单元501室，工资卡 6222 0202 0011 2345 679",
    )
    tail = "请删除；需要公开的单位办公电话和邮箱，写在 campaign.yml 的 contacts 里。"
    assert problems(project) == [
        f"site_data/2023/collectives/zongzhuang.yml:12: story: 疑似家庭住址「*栋*单元***室」：网站不得公开个人家庭住址（个人信息保护法）。{tail}",
        f"site_data/2023/collectives/zongzhuang.yml:12: story: 疑似身份证号「110***********002X」：网站不得公开个人身份证号（个人信息保护法）。{tail}",
        f"site_data/2023/collectives/zongzhuang.yml:12: story: 疑似银行卡号「622************5679」：网站不得公开个人银行卡号（个人信息保护法）。{tail}",
        f"site_data/2023/people/huang-ceshi.yml:4: post: 疑似手机号「138****8000」：网站不得公开个人手机号（个人信息保护法）。{tail}",
    ]


def test_content_is_checked_too(project: Path):
    plan = project / "content/plans/2023.md"
    plan.write_text(plan.read_text(encoding="utf-8") + "\n联系人住青秀苑3栋2单元501室。\n", encoding="utf-8")
    edit(project, "content/news/posts/2023-06-20-launch.md", "更多内容。", "更多内容。\n\n报名手机 １３８００１３８０００")
    found = problems(project)
    assert [p.split(" 疑似")[0] for p in found] == [
        "content/news/posts/2023-06-20-launch.md:14: 正文:",
        f"content/plans/2023.md:{plan.read_text(encoding='utf-8').count(chr(10))}:",
    ]
    assert "家庭住址" in found[1] and "手机号" in found[0]


def test_an_imported_story_with_personal_data_is_not_imported(project: Path, tmp_path: Path):
    roster = tmp_path / "名单.csv"
    with roster.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["姓名", "单位", "岗位", "荣誉称号", "主要事迹"])
        writer.writerow(["韦测试", "测试配件有限公司", "装配钳工", "技术能手", "工资卡 6222 0202 0011 2345 679"])
        writer.writerow(["陆测试", "测试配件有限公司", "焊工", "技术能手", "家住青秀苑3栋2单元501室"])
        writer.writerow(["蒙测试", "测试配件有限公司", "焊工", "技术能手", "身份证 110105 19491231 002X"])
    dataset = load_dataset(project / "site_data", project / "content", project)
    result = import_roster(roster, dataset, project, "people", 2023, False)
    assert result.written == []
    assert [m.split("内容里有")[1] for m in result.skipped] == [
        "疑似银行卡号「622************5679」，请删掉。这一行没有导入。",
        "疑似家庭住址「*栋*单元***室」，请删掉。这一行没有导入。",
        "疑似身份证号「110***********002X」，请删掉。这一行没有导入。",
    ]
