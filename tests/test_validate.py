"""Loading and validating a whole record tree: every problem, with file, line and field."""

from generator.validate import load_dataset

from .conftest import edit, problems, write

COMP = "site_data/2023/competitions/zhuangpei.yml"
PIONEER = "site_data/2023/collectives/zongzhuang.yml"


def test_the_fixture_is_valid_and_complete(project):
    dataset = load_dataset(project / "site_data", project / "content", project)
    year = dataset.years[2023]
    assert sorted(year.competitions) == ["fuwu", "jieneng", "wuxiao", "zhuangpei"]
    assert sorted(year.people) == ["huang-ceshi", "lu-ceshi", "nong-ceshi"]
    assert sorted(n.slug for n in year.news) == ["launch", "zhuangpei-closing"]
    assert dataset.unit_name("peijian/zongzhuang") == "测试配件有限公司总装车间"
    assert year.competitions["zhuangpei"].src.line_of("results[2].person") == 25


def test_all_problems_of_a_run_are_reported_at_once(project):
    edit(project, COMP, "form: 技能型", "form: 技术型")
    edit(project, "site_data/2023/people/huang-ceshi.yml", "post: 压榨工\n", "")
    write(project, "site_data/2023/innovations/broken.yml", "id: broken\ntitle: [未闭合\n")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:4: form: 「技术型」不在允许范围内。是不是想写「技能型」？可选：生产型、技能型、智能型。"
        "这个列表是本地设置的竞赛形式（forms）：确实需要新的一项，请加在 site_data/settings.yml 里。",
        "site_data/2023/innovations/broken.yml:3: YAML 格式错误（第 1 列）：方括号「[ ]」没有配对。",
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


def test_id_must_match_the_file_name(project):
    write(
        project, "site_data/2023/people/copy.yml", (project / "site_data/2023/people/nong-ceshi.yml").read_text(encoding="utf-8")
    )
    assert problems(project) == [
        "site_data/2023/people/copy.yml:1: id: 编号「nong-ceshi」与文件名「copy.yml」不一致：请把文件改名为 nong-ceshi.yml，或把编号改为 copy。"
    ]


def test_duplicate_ids_name_both_files(project):
    source = project / "site_data/2023/people/nong-ceshi.yml"
    write(project, "site_data/2023/people/nong-ceshi.yaml", source.read_text(encoding="utf-8"))
    assert problems(project) == [
        "site_data/2023/people/nong-ceshi.yml:1: id: 编号「nong-ceshi」重复：site_data/2023/people/nong-ceshi.yaml 第 1 行已经用过。请换一个编号。"
    ]


def test_competition_ids_that_index_pages_use_are_reserved(project):
    source = project / "site_data/2023/competitions/fuwu.yml"
    write(
        project,
        "site_data/2023/competitions/stream-jiangong.yml",
        source.read_text(encoding="utf-8").replace("id: fuwu", "id: stream-jiangong"),
    )
    source.unlink()
    assert problems(project) == [
        "site_data/2023/competitions/stream-jiangong.yml:1: id: 编号「stream-jiangong」是网站保留的名字（index、page-数字、search、assets、404、stream-…、form-…、township-…、industry-…），请换一个。"
    ]


def test_exemplar_ids_that_list_pages_use_are_reserved(project):
    source = project / "site_data/2023/people/nong-ceshi.yml"
    write(project, "site_data/2023/people/page-2.yml", source.read_text(encoding="utf-8").replace("id: nong-ceshi", "id: page-2"))
    source.unlink()
    assert (
        "site_data/2023/people/page-2.yml:1: id: 编号「page-2」是网站保留的名字（index、page-数字（列表和它的分页）、search、assets、404），请换一个。"
        in problems(project)
    )


def test_missing_reference_names_the_field_and_line(project):
    edit(project, COMP, "  - peijian/zongzhuang\nstart", "  - peijian/zongzhaung\nstart")
    edit(project, PIONEER, "  - zhuangpei", "  - zhuangpie")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:6: competitions[1]: 2023 年度没有编号为「zhuangpie」的竞赛。是不是「zhuangpei」？"
        "请检查拼写，竞赛记录在 site_data/2023/competitions/。",
        "site_data/2023/competitions/zhuangpei.yml:9: units[1]: 单位「测试配件有限公司」里没有编号为「zongzhaung」的车间班组。"
        "是不是「peijian/zongzhuang」？已登记的有：zongzhuang（总装车间）、hanjie（焊接班）。"
        "写错了就改成已登记的编号；确实是新的车间班组，请在 site_data/enterprises/peijian.yml 的 units 里登记它。",
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
        "site_data/2023/innovations/jiaju.yml:8: date: 「2023年8月20日」不是有效日期。请写成「2023-06-15」这样的格式（年-月-日，用半角连字符）。是不是「2023-08-20」？",
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
        "site_data/2023/competitions/zhuangpei.yml:14: participants: 应为整数，却读到了文字「很多」。请写成如 participants: 86。"
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
        "site_data/2023/people/gbk.yml:2: 文件看起来是 GBK/GB18030 编码保存的。请用记事本或 VS Code「另存为」，编码选 UTF-8，再保存（GBK 也存不下人名里的一些生僻字）。"
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


def test_a_day_that_does_not_exist(project):
    edit(project, COMP, "end: 2023-09-30", "end: 2023-09-31")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:11: end: 「2023-09-31」这一天不存在，请检查月份和日期。"
    ]


def test_a_date_with_a_time(project):
    edit(project, COMP, "end: 2023-09-30", "end: 2023-09-30 18:00:00")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:11: end: 「2023-09-30 18:00:00」带了时间：这里只写日期，如「2023-06-15」。"
    ]


def test_an_empty_required_field_is_named_as_empty(project):
    edit(project, COMP, "participants: 40", "participants:")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:14: participants: 「participants」（参赛人数）没有填写内容：参赛职工人数（整数）。"
    ]


def test_tab_indentation_is_named(project):
    edit(project, COMP, "  - peijian/zongzhuang\nstart", "\t- peijian/zongzhuang\nstart")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:9: YAML 格式错误（第 1 列）：用了 Tab 键缩进。YAML 只能用空格缩进，请把 Tab 换成空格。"
    ]


def test_utf16_file_is_named_as_such(project):
    (project / "site_data/2023/people/u16.yml").write_bytes("id: u16\n".encode("utf-16"))
    assert problems(project) == [
        "site_data/2023/people/u16.yml: 文件是 UTF-16 编码保存的。请用记事本或 VS Code「另存为」，编码选 UTF-8。"
    ]


def test_an_oversized_file_is_refused_before_parsing(project):
    write(project, "site_data/2023/people/big.yml", "id: big\nsummary: " + "长" * 300_000 + "\n")
    assert problems(project) == ["site_data/2023/people/big.yml: 文件太大（878 KB），一条记录不应超过 256 KB。"]


def test_enterprise_union_must_exist_and_points_at_its_line(project):
    edit(project, "site_data/enterprises/wuliu.yml", "    union: chengxiang", "    union: chengxaing")
    assert problems(project) == [
        "site_data/enterprises/wuliu.yml:8: years.2023.union: 找不到编号为「chengxaing」的工会。是不是「chengxiang」？已有的工会编号：chengxiang、natong、xianzong。"
    ]


def test_union_and_enterprise_may_not_share_an_id(project):
    write(project, "site_data/unions/wuliu.yml", "id: wuliu\nname: 某工会\nkind: 产业工会\n")
    assert problems(project) == [
        "site_data/enterprises/wuliu.yml:1: id: 编号「wuliu」已被工会 site_data/unions/wuliu.yml 使用，单位和工会的编号不能相同。"
    ]


def test_campaign_window_and_phase_order(project):
    edit(project, "site_data/2023/campaign.yml", "  end: 2024-03-31", "  end: 2022-03-31")
    edit(project, "site_data/2023/campaign.yml", "    start: 2023-06-01", "    start: 2023-05-01")
    assert problems(project) == [
        "site_data/2023/campaign.yml:14: window.end: 日期范围的结束日期 2022-03-31 早于开始日期 2023-01-01。",
        "site_data/2023/campaign.yml:25: phases[2]: 阶段「全面开展阶段」与上一阶段重叠：各阶段应按时间先后排列、互不重叠。",
    ]


def test_deadline_outside_the_window(project):
    edit(project, "site_data/2023/campaign.yml", "      - date: 2023-10-31", "      - date: 2024-10-31")
    assert problems(project) == [
        "site_data/2023/campaign.yml:31: phases[2].deadlines[1].date: 日期 2024-10-31 不在 2023 年度的日期范围（2023-01-01 至 2024-03-31）内。"
        "请检查年份是否写错；范围在 site_data/2023/campaign.yml 的 window 里设定。"
    ]


def test_result_unit_and_innovation_competition_must_exist(project):
    edit(project, COMP, "    unit: peijian/zongzhuang\n    score: 91.5", "    unit: peijian/zz\n    score: 91.5")
    edit(project, "site_data/2023/innovations/jiaju.yml", "competition: zhuangpei", "competition: zhuangpai")
    assert problems(project) == [
        "site_data/2023/competitions/zhuangpei.yml:19: results[1].unit: 单位「测试配件有限公司」里没有编号为「zz」的车间班组。"
        "已登记的有：zongzhuang（总装车间）、hanjie（焊接班）。"
        "写错了就改成已登记的编号；确实是新的车间班组，请在 site_data/enterprises/peijian.yml 的 units 里登记它。",
        "site_data/2023/innovations/jiaju.yml:7: competition: 2023 年度没有编号为「zhuangpai」的竞赛。是不是「zhuangpei」？请检查拼写，竞赛记录在 site_data/2023/competitions/。",
    ]


def test_news_slug_must_be_unique_and_subfolders_are_checked(project):
    story = (project / "content/news/posts/2023-06-20-launch.md").read_text(encoding="utf-8")
    write(project, "content/news/posts/2023/again.md", story.replace("date: 2023-06-20", "date: 2023-06-20\nauthor: 某人"))
    assert problems(project) == [
        "content/news/posts/2023/again.md:4: author: 未知字段「author」。可用的字段：title、date、slug、description、campaign、photo、photo_alt、state。",
    ]
    write(project, "content/news/posts/2023/again.md", story)
    assert problems(project) == [
        "content/news/posts/2023-06-20-launch.md:4: slug: 网址名「launch」与 content/news/posts/2023/again.md 重复，请换一个。"
    ]


def test_news_front_matter_closed_at_the_end_of_the_file(project):
    write(project, "content/news/posts/short.md", "---\ntitle: 短讯\ndate: 2023-07-01\nslug: short\ndescription: 短讯。\n---")
    assert problems(project) == []


def test_plan_text_must_be_inside_content_and_utf8(project):
    edit(project, "site_data/2023/campaign.yml", "plan_text: plans/2023.md", "plan_text: ../../outside.md")
    (project.parent / "outside.md").write_text("外部文件", encoding="utf-8")
    assert problems(project)[0].startswith("site_data/2023/campaign.yml:11: plan_text: 找不到方案正文文件「../../outside.md」。")
    edit(project, "site_data/2023/campaign.yml", "plan_text: ../../outside.md", "plan_text: plans/2023.md")
    (project / "content/plans/2023.md").write_bytes("指导思想\n".encode("gb18030"))
    assert problems(project) == [
        "content/plans/2023.md:1: 文件看起来是 GBK/GB18030 编码保存的。请用记事本或 VS Code「另存为」，编码选 UTF-8，再保存（GBK 也存不下人名里的一些生僻字）。"
    ]


def test_a_broken_photo_is_caught_by_the_check(project):
    (project / "site_data/2023/collectives/zongzhuang.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    edit(project, PIONEER, "summary:", "photo: zongzhuang.jpg\nphoto_alt: 车间合影\nsummary:")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:7: photo: 照片「zongzhuang.jpg」打不开：文件已损坏，或不是图片。请重新从手机或相机导出这张照片。"
    ]
