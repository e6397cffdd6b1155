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


def test_duplicate_ids_name_both_files(project):
    source = project / "site_data/2023/people/nong-ceshi.yml"
    write(project, "site_data/2023/people/nong-ceshi.yaml", source.read_text(encoding="utf-8"))
    assert problems(project) == [
        "site_data/2023/people/nong-ceshi.yml:1: id: 编号「nong-ceshi」重复：site_data/2023/people/nong-ceshi.yaml 第 1 行已经用过。请换一个编号。"
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


def test_news_front_matter_closed_at_the_end_of_the_file(project):
    write(project, "content/news/posts/short.md", "---\ntitle: 短讯\ndate: 2023-07-01\nslug: short\ndescription: 短讯。\n---")
    assert problems(project) == []
