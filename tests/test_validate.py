"""Loading and validating a whole record tree: every problem, with file, line and field."""

from generator.validate import load_dataset

from .conftest import edit, problems, write

COMP = "site_data/2023/competitions/zhuangpei.yml"
PIONEER = "site_data/2023/collectives/zongzhuang.yml"


def test_the_fixture_is_valid_and_complete(project):
    dataset = load_dataset(project / "site_data", project / "content", project)
    year = dataset.years[2023]
    assert sorted(year.competitions) == ["fuwu", "jieneng", "zhuangpei"]
    assert sorted(year.people) == ["huang-ceshi", "nong-ceshi"]
    assert [n.slug for n in year.news] == ["launch"]
    assert dataset.unit_name("peijian/zongzhuang") == "测试配件有限公司总装车间"
    assert year.competitions["zhuangpei"].src.line_of("results[2].person") == 25


def test_all_problems_of_a_run_are_reported_at_once(project):
    edit(project, COMP, "form: 技能型", "form: 技术型")
    edit(project, "site_data/2023/people/huang-ceshi.yml", "post: 压榨工\n", "")
    write(project, "site_data/2023/innovations/broken.yml", "id: broken\ntitle: [未闭合\n")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:4: form: 「技术型」不在允许范围内；可选：生产型、技能型、智能型。",
        "site_data/2023/innovations/broken.yml:3: YAML 格式错误（第 1 列）：did not find expected ',' or ']'。"
        "请检查冒号是否为英文半角「:」且后面有空格、缩进是否用空格对齐、引号是否成对。",
        "site_data/2023/people/huang-ceshi.yml:1: post: 缺少必填字段「post」（岗位）：岗位或工种，如 装配钳工。",
    ]


def test_unknown_field_suggests_the_close_one(project):
    edit(project, COMP, "participants: 40", "participant: 40")
    found = problems(project)
    assert found[0] == (
        "site_data/2023/competitions/zhuangpei.yml:1: participants: 缺少必填字段「participants」（参赛人数）：参赛职工人数（整数）。"
    )
    assert found[1].startswith(
        "site_data/2023/competitions/zhuangpei.yml:14: participant: 未知字段「participant」。是不是想写「participants」？可用的字段：id、title、"
    )


def test_duplicate_ids_name_both_files(project):
    write(
        project, "site_data/2023/people/copy.yml", (project / "site_data/2023/people/nong-ceshi.yml").read_text(encoding="utf-8")
    )
    assert problems(project) == [
        "site_data/2023/people/nong-ceshi.yml:1: id: 编号「nong-ceshi」重复：site_data/2023/people/copy.yml 第 1 行已经用过。请换一个编号。"
    ]


def test_missing_reference_names_the_field_and_line(project):
    edit(project, COMP, "  - peijian/zongzhuang\nstart", "  - peijian/zongzhaung\nstart")
    edit(project, PIONEER, "  - zhuangpei", "  - zhuangpie")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:6: competitions[1]: 2023 年度没有编号为「zhuangpie」的竞赛。是不是「zhuangpei」？"
        "请检查拼写，竞赛记录在 site_data/2023/competitions/。",
        "site_data/2023/competitions/zhuangpei.yml:9: units[1]: 单位「测试配件有限公司」里没有编号为「zongzhaung」的车间班组。"
        "已登记的有：zongzhuang、hanjie。请在 site_data/enterprises/peijian.yml 的 units 里登记它。",
    ]


def test_unknown_enterprise_and_person(project):
    edit(project, COMP, "organiser: peijian", "organiser: peijain")
    edit(project, COMP, "person: nong-ceshi", "person: nong-cheshi")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:7: organiser: 找不到编号为「peijain」的单位。是不是「peijian」？"
        "请检查拼写，或先在 site_data/enterprises/ 建立 peijain.yml。",
        "site_data/2023/competitions/zhuangpei.yml:25: results[2].person: 2023 年度没有编号为「nong-cheshi」的先进个人。是不是「nong-ceshi」？",
    ]


def test_dates_outside_the_window_and_not_dates(project):
    edit(project, COMP, "end: 2023-09-30", "end: 2033-09-30")
    edit(project, "site_data/2023/innovations/jiaju.yml", "date: 2023-08-20", "date: 2023年8月20日")
    edit(project, "content/news/posts/2023-06-20-launch.md", "date: 2023-06-20", "date: 2022-06-20\ncampaign: 2023")
    assert problems(project) == [
        "content/news/posts/2023-06-20-launch.md:3: date: 日期 2022-06-20 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。"
        "请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
        "site_data/2023/competitions/zhuangpei.yml:11: end: 日期 2033-09-30 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。"
        "请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。",
        "site_data/2023/innovations/jiaju.yml:8: date: 「2023年8月20日」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。",
    ]


def test_end_before_start(project):
    edit(project, COMP, "end: 2023-09-30", "end: 2023-06-01")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:11: end: 结束日期 2023-06-01 早于开始日期 2023-06-10。"
    ]


def test_pioneer_citing_a_competition_run_by_another_unit_is_refused(project):
    # 节能减排达标竞赛 is run by the sugar company: the 总装车间 did not take part in it.
    edit(project, PIONEER, "  - zhuangpei", "  - jieneng")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:5: competitions: 「工人先锋号」只能授予自己开展了劳动和技能竞赛的集体（方案「选树典型」），"
        "但所列竞赛（jieneng）的主办单位和参赛单位里都没有「peijian/zongzhuang」。请写上它自己组织或参加的竞赛，或在该竞赛的 units 里补上它。"
    ]


def test_pioneer_team_is_not_eligible_through_a_sibling_team(project):
    # The enterprise took part through its 总装车间; its 焊接班 did not run a competition.
    edit(project, PIONEER, "unit: peijian/zongzhuang", "unit: peijian/hanjie")
    assert problems(project)[0].endswith(
        "但所列竞赛（zhuangpei）的主办单位和参赛单位里都没有「peijian/hanjie」。请写上它自己组织或参加的竞赛，或在该竞赛的 units 里补上它。"
    )


def test_whole_enterprise_is_eligible_through_its_own_workshop(project):
    edit(project, PIONEER, "unit: peijian/zongzhuang", "unit: peijian")
    assert problems(project) == []


def test_pioneer_without_competitions_is_refused(project):
    edit(project, PIONEER, "competitions:\n  - zhuangpei\n", "")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:4: competitions: 「工人先锋号」只能授予开展了劳动和技能竞赛的集体（方案「选树典型」）。"
        "请在 competitions 里写上这个集体组织或参加的竞赛编号。"
    ]


def test_other_collective_honours_do_not_need_the_rule(project):
    edit(project, PIONEER, "honour: 工人先锋号", "honour: 先进集体")
    edit(project, PIONEER, "  - zhuangpei", "  - jieneng")
    assert problems(project) == []


def test_reference_to_a_broken_record_is_not_reported_twice(project):
    edit(project, COMP, "participants: 40", "participants: 很多")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数，却读到了文字「很多」，如 participants: 86。"
    ]


def test_enterprise_without_facts_for_the_year(project):
    edit(project, "site_data/enterprises/wuliu.yml", "  2023:", "  2022:")
    assert problems(project) == [
        "site_data/2023/competitions/fuwu.yml:9: units[1]: 单位「测试物流有限公司」没有 2023 年的年度情况。"
        "请在 site_data/enterprises/wuliu.yml 的 years 下加上 2023: 一组（township、union、above_designated_size）。"
    ]


def test_photo_missing_and_alt_missing(project):
    edit(project, PIONEER, "summary:", "photo: zongzhuang.jpg\nsummary:")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:7: photo: 找不到照片「zongzhuang.jpg」。请把照片放在 site_data/2023/collectives/ 里，文件名与这里一致。",
        "site_data/2023/collectives/zongzhuang.yml:7: photo_alt: 有照片就要写照片说明（photo_alt），告诉看不到图片的读者照片里是什么。",
    ]


def test_photo_outside_the_record_folder_is_refused(project):
    edit(project, PIONEER, "summary:", "photo: ../../../../etc/passwd.jpg\nphoto_alt: 说明\nsummary:")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:7: photo: 「../../../../etc/passwd.jpg」：只写文件名，照片放在本记录文件旁边。"
    ]


def test_file_in_an_unknown_folder(project):
    write(project, "site_data/2023/honours/x.yml", "id: x\n")
    assert problems(project)[0].startswith("site_data/2023/honours/x.yml: 这个文件不在任何记录文件夹里，不会被读取。")


def test_gbk_file_is_named_as_such(project):
    (project / "site_data/2023/people/gbk.yml").write_bytes("id: gbk\nname: 韦测试\n".encode("gb18030"))
    assert problems(project) == [
        "site_data/2023/people/gbk.yml:2: 文件看起来是 GBK/GB18030 编码保存的。请用记事本或 VS Code「另存为」，编码选 UTF-8，再保存。"
    ]


def test_bom_and_windows_line_ends_are_accepted(project):
    path = project / "site_data/2023/people/huang-ceshi.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert problems(project) == []


def test_campaign_year_must_match_folder(project):
    edit(project, "site_data/2023/campaign.yml", "year: 2023", "year: 2024")
    assert problems(project) == ["site_data/2023/campaign.yml:1: year: 年度写的是 2024，但文件在 2023 文件夹里，两者应一致。"]


def test_news_needs_front_matter(project):
    write(project, "content/news/posts/bad.md", "没有文件头的新闻。\n")
    assert problems(project) == [
        "content/news/posts/bad.md:1: 新闻文件必须以「---」开头的文件头开始，写明 title、date、slug、description。"
    ]


def test_news_front_matter_lines_count_from_the_file_start(project):
    edit(project, "content/news/posts/2023-06-20-launch.md", "slug: launch", "slug: 启动")
    assert problems(project) == [
        "content/news/posts/2023-06-20-launch.md:4: slug: 「启动」的写法不对，应写成如「2023-launch」的形式。"
    ]
