"""Photos of exemplars (generator/rules/photos.py): a whole file beside the record, of a format the site takes, described."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from PIL import Image

from ..conftest import edit, problems
from . import PIONEER


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


def test_a_broken_photo_is_caught_by_the_check(project):
    (project / "site_data/2023/collectives/zongzhuang.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    edit(project, PIONEER, "summary:", "photo: zongzhuang.jpg\nphoto_alt: 车间合影\nsummary:")
    assert problems(project) == [
        "site_data/2023/collectives/zongzhuang.yml:7: photo: 照片「zongzhuang.jpg」打不开：文件已损坏，或不是图片。请重新从手机或相机导出这张照片。"
    ]


def test_heic_photo_gets_a_message_on_how_to_convert_it(project: Path):
    (project / "site_data/2023/people/nong-ceshi.heic").write_bytes(b"\x00\x00\x00\x18ftypheic")
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", "photo: nong-ceshi.heic\nphoto_alt: 农测试\nsummary:")
    found = problems(project)
    assert found == [
        "site_data/2023/people/nong-ceshi.yml:9: photo: 「nong-ceshi.heic」是苹果手机的 HEIC 格式，网站用不了。请转成 JPG："
        "已拍的照片可以在 iPhone 上“共享→存储到文件”时选 JPG，或用微信发给自己后保存（会变成 JPG）；以后拍照可在 设置→相机→格式 选“兼容性最佳”。"
    ]


def add_photo(project: Path, name: str) -> None:
    edit(project, "site_data/2023/people/nong-ceshi.yml", "summary:", f"photo: {name}\nphoto_alt: 农测试\nsummary:")


def test_the_check_calls_a_huge_photo_too_large_not_broken(project: Path):
    # 50000 × 50000: beyond Pillow's own bomb limit, which raises before the size is known.
    path = project / "site_data/2023/people/huge.png"
    header = io.BytesIO()
    Image.new("1", (8, 8), 1).save(header, "PNG")
    data = bytearray(header.getvalue())
    data[16:24] = (50000).to_bytes(4, "big") + (50000).to_bytes(4, "big")  # IHDR width and height
    data[29:33] = zlib.crc32(bytes(data[12:29])).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    add_photo(project, "huge.png")
    assert problems(project) == [
        "site_data/2023/people/nong-ceshi.yml:9: photo: 照片「huge.png」太大（超过 1.7 亿像素），网站最多接受 6000 万像素。"
        "请把照片缩小后再放进来：如用手机相册“编辑→调整大小”或电脑画图工具，把长边改为 4000 像素以内。"
    ]


def test_a_symlinked_photo_is_refused(project: Path, tmp_path: Path):
    outside = tmp_path / "outside.jpg"
    Image.new("RGB", (64, 64), (9, 9, 9)).save(outside, "JPEG")
    (project / "site_data/2023/people/linked.jpg").symlink_to(outside)
    add_photo(project, "linked.jpg")
    assert problems(project) == [
        "site_data/2023/people/nong-ceshi.yml:9: photo: 照片「linked.jpg」是一个链接（快捷方式），不是照片文件本身："
        "网站不发布链接指向的文件。请删除这个链接，把照片文件本身复制到这里。"
    ]


def test_a_photo_of_a_format_the_site_does_not_take(project: Path):
    (project / "site_data/2023/people/nong-ceshi.gif").write_bytes(b"GIF89a")
    add_photo(project, "nong-ceshi.gif")
    assert problems(project) == [
        "site_data/2023/people/nong-ceshi.yml:9: photo: 「nong-ceshi.gif」不是支持的照片格式；请用 .jpg、.jpeg、.png、.webp。",
    ]
