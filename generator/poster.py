"""Share posters (分享海报): a 1080 px wide PNG per exemplar, competition result and news story, for WeChat.

Each poster shows the photo (through the image pipeline: upright, cut to 4:3, no metadata), the name,
the honour, a line of the story, the campaign's title and a QR code of the page. Text is drawn with a
system CJK font (Noto CJK, found through fontconfig); without one there are no posters. A poster is
kept in `.cache/posters/` by what it shows, so an unchanged one is not drawn again.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import segno
from PIL import Image, ImageDraw, ImageFont, ImageOps

from .cache import Cache, Entry
from .images import renditions
from .workers import process_pool, worker_count

WIDTH = 1080
PHOTO_HEIGHT = 810  # 4:3, as the pages show photos
SHARE_SIZE = 600  # the share image: square, as WeChat shows a link's picture, and above its 300 px minimum
PARALLEL_FROM = 8  # below this many new posters, starting worker processes costs more than it saves

RED = (178, 34, 34)
DEEP_RED = (140, 20, 20)
GOLD = (246, 200, 95)
PAPER = (255, 250, 243)
INK = (34, 34, 34)
GREY = (96, 96, 96)
WHITE = (255, 255, 255)

# Known places of Noto CJK where fontconfig is missing (bold first, then regular; index of SC in the .ttc).
KNOWN_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc", "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2),
)
NO_FONT = (
    "没有找到中文字体（如 Noto Sans CJK），这次没有生成分享海报，网站其余部分照常生成。"
    "安装字体后重新生成即可：Debian/Ubuntu 上运行 apt-get install fonts-noto-cjk。"
)
NO_SITE_URL = (
    "mkdocs.yml 没有填写网站地址（site_url），分享海报上的二维码没有地址可指，这次没有生成分享海报和分享图片。"
    "发布前在 mkdocs.yml 写上 site_url（如 https://ghw.example.gov.cn/jingsai/）再生成。"
)


@dataclass(frozen=True)
class Fonts:
    """The CJK font files a poster is drawn with: (path, index in a collection)."""

    bold: tuple[str, int]
    regular: tuple[str, int]


@dataclass(frozen=True)
class PosterFacts:
    """What one poster shows. `photo`: the source photo, drawn through the image pipeline; none for a
    poster without one (a news story, a competition, a person who did not consent to show theirs)."""

    kind: str  # what the page is: 先进个人, 先进集体, 竞赛成绩, 新闻动态
    name: str
    honour: str
    subtitle: str
    line: str
    campaign: str
    issuer: str
    url: str
    photo: str | None = None


def _fontconfig(style: str) -> tuple[str, int] | None:
    """A Simplified Chinese font of `style` (Bold or Regular) as fontconfig lists it, Noto Sans CJK SC first."""
    try:
        listed = subprocess.run(
            ["fc-list", ":lang=zh-cn", "file", "index", "family", "style"],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found: list[tuple[int, str, int]] = []
    for row in listed.splitlines():
        file, _, rest = row.partition(": ")
        index = re.search(r":index=(\d+)", rest)
        if not file or not Path(file).is_file():
            continue
        rank = (0 if "Noto Sans CJK SC" in rest else 1 if "CJK" in rest else 2) * 2 + (0 if style in rest else 1)
        found.append((rank, file, int(index.group(1)) if index else 0))
    return min(found)[1:] if found else None


def find_fonts(known: Iterable[tuple[str, str, int]] = KNOWN_FONTS, fontconfig: bool = True) -> Fonts | None:
    """The system's CJK fonts, or None where it has none (then no posters are drawn).

    >>> find_fonts(known=[], fontconfig=False) is None
    True
    """
    if fontconfig:
        bold, regular = _fontconfig("Bold"), _fontconfig("Regular")
        if bold or regular:
            return Fonts(bold or regular, regular or bold)  # type: ignore[arg-type]
    for bold_path, regular_path, index in known:
        if Path(bold_path).is_file() and Path(regular_path).is_file():
            return Fonts((bold_path, index), (regular_path, index))
    return None


def _font(fonts: Fonts, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    path, index = fonts.bold if bold else fonts.regular
    return ImageFont.truetype(path, size, index=index)


# Characters a line may not begin with (Chinese line-breaking rules): they stay at the end of the line before.
NO_START = set("，。、；：？！）》」』】”’…%,.;:?!)")
TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.%·\-]*|\s+|.")


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """`text` in lines no wider than `width`, at most `most` of them (the last ends in … when cut).

    Latin words and numbers are not split, nor is closing punctuation put at the start of a line.
    """
    lines: list[str] = []
    line = ""
    for token in TOKEN.findall(" ".join(text.split())):
        if font.getlength(line + token) <= width or not line or token in NO_START:
            line += token
            continue
        lines.append(line.rstrip())
        line = token.lstrip()
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > most:
        last = lines[most - 1]
        while last and font.getlength(last + "…") > width:
            last = last[:-1]
        lines = [*lines[: most - 1], last + "…"]
    return lines


def qr_image(url: str, size: int) -> Image.Image:
    """The page's QR code as a square image about `size` pixels wide, with its quiet zone."""
    code = segno.make(url, error="m")
    modules = code.symbol_size(border=4)[0]
    out = io.BytesIO()
    code.save(out, kind="png", scale=max(1, size // modules), border=4)
    out.seek(0)
    return Image.open(out).convert("RGB")


def _photo(path: Path, cache: Cache | None) -> Image.Image:
    """The photo through the image pipeline (upright, no metadata), filling the poster's 4:3 window."""
    rendition = renditions(path, cache, widths=(WIDTH,))[0][-1]
    with Image.open(io.BytesIO(rendition.jpeg)) as image:
        return ImageOps.fit(image.convert("RGB"), (WIDTH, PHOTO_HEIGHT), Image.Resampling.LANCZOS, centering=(0.5, 0.3))


def _centred(
    draw: ImageDraw.ImageDraw, y: int, lines: list[str], font: ImageFont.FreeTypeFont, fill: tuple[int, ...], step: int
) -> int:
    for line in lines:
        draw.text((WIDTH // 2, y), line, font=font, fill=fill, anchor="mt")
        y += step
    return y


def draw(facts: PosterFacts, fonts: Fonts, cache: Cache | None = None) -> Image.Image:
    """The poster as an image: a header with the campaign, the photo (or the honour in large type), the
    name, honour, unit and a line of the story, and a footer with the QR code of the page."""
    margin = 72
    text_width = WIDTH - 2 * margin
    campaign_font = _font(fonts, True, 44)
    campaign_lines = wrap(facts.campaign, campaign_font, text_width, 2)
    header = 72 + 60 * len(campaign_lines) + 28
    name_font, badge_font = _font(fonts, True, 88), _font(fonts, True, 42)
    sub_font, line_font = _font(fonts, False, 38), _font(fonts, False, 40)
    name_lines = wrap(facts.name, name_font, text_width, 2)
    sub_lines = wrap(facts.subtitle, sub_font, text_width, 2) if facts.subtitle else []
    story_lines = wrap(facts.line, line_font, text_width, 4) if facts.line else []
    visual = PHOTO_HEIGHT if facts.photo else 420
    body = 56 + 76 + 40 + 110 * len(name_lines) + 58 * len(sub_lines) + 24 + 66 * len(story_lines) + 40
    footer = 420
    height = header + visual + body + footer
    poster = Image.new("RGB", (WIDTH, height), PAPER)
    pen = ImageDraw.Draw(poster)
    # Header: the campaign's title, white on red, as an official 专题 page is headed.
    pen.rectangle((0, 0, WIDTH, header), fill=RED)
    _centred(pen, 60, campaign_lines, campaign_font, WHITE, 60)
    pen.rectangle((0, header - 10, WIDTH, header), fill=GOLD)
    y = header
    if facts.photo:
        poster.paste(_photo(Path(facts.photo), cache), (0, y))
    else:
        # No photo: what the page is, in large type on deep red, fills its place.
        pen.rectangle((0, y, WIDTH, y + visual), fill=DEEP_RED)
        big = _font(fonts, True, 120)
        kind_lines = wrap(facts.kind, big, text_width, 2)
        top = y + (visual - 150 * len(kind_lines)) // 2
        _centred(pen, top, kind_lines, big, GOLD, 150)
    y += visual + 56
    # The honour as a badge, then the name, the unit and a line of the story.
    if facts.honour:
        label = wrap(facts.honour, badge_font, text_width - 64, 1)[0]
        width = int(badge_font.getlength(label)) + 64
        left = (WIDTH - width) // 2
        pen.rounded_rectangle((left, y, left + width, y + 76), radius=38, fill=RED)
        pen.text((WIDTH // 2, y + 38), label, font=badge_font, fill=WHITE, anchor="mm")
    y += 76 + 40
    y = _centred(pen, y, name_lines, name_font, INK, 110)
    y = _centred(pen, y, sub_lines, sub_font, GREY, 58) + 24
    for line in story_lines:
        pen.text((margin, y), line, font=line_font, fill=INK)
        y += 66
    # Footer: the QR code of the page, and what to do with it.
    top = height - footer
    pen.rectangle((0, top, WIDTH, height), fill=(247, 236, 222))
    pen.rectangle((0, top, WIDTH, top + 6), fill=GOLD)
    code = qr_image(facts.url, 320)
    poster.paste(code, (WIDTH - margin - code.width, top + (footer - code.height) // 2))
    left_width = WIDTH - 2 * margin - code.width - 40
    pen.text((margin, top + 110), "长按识别二维码", font=_font(fonts, True, 48), fill=RED)
    pen.text((margin, top + 180), "查看完整内容", font=_font(fonts, False, 38), fill=INK)
    issuer_font = _font(fonts, False, 32)
    for n, line in enumerate(wrap(facts.issuer, issuer_font, left_width, 2)):
        pen.text((margin, top + 270 + 46 * n), line, font=issuer_font, fill=GREY)
    return poster


def share_crop(poster: Image.Image) -> Image.Image:
    """The share image: the poster's top square (its header and photo), at `SHARE_SIZE`."""
    return poster.crop((0, 0, WIDTH, WIDTH)).resize((SHARE_SIZE, SHARE_SIZE), Image.Resampling.LANCZOS)


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # Not `optimize`: it saves 2 % of the bytes at four times the time (1.8 s a poster).
    image.save(out, "PNG")
    return out.getvalue()


def jpeg_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


@dataclass(frozen=True)
class Drawn:
    """A poster as published: the PNG and its share crop (a JPEG, which every app reads)."""

    png: bytes
    share: bytes


def _entry(facts: PosterFacts, fonts: Fonts, cache: Cache) -> Entry:
    """Where a poster is kept: by everything it shows (the photo by its bytes) and the fonts it is drawn with."""
    photo = Path(facts.photo).read_bytes() if facts.photo else b""
    return cache.entry("posters", json.dumps([asdict(facts) | {"photo": ""}, asdict(fonts)], ensure_ascii=False), photo)


def poster(facts: PosterFacts, fonts: Fonts, cache: Cache | None = None, entry: Entry | None = None) -> Drawn:
    """The poster and its share crop, from the cache when the same poster was drawn before."""
    entry = entry or (_entry(facts, fonts, cache) if cache is not None else Entry(None))
    kept = entry.read()
    if kept is not None:
        return Drawn(kept[0]["poster.png"], kept[0]["share.jpg"])
    image = draw(facts, fonts, cache)
    drawn = Drawn(png_bytes(image), jpeg_bytes(share_crop(image)))
    entry.write({"poster.png": drawn.png, "share.jpg": drawn.share})
    return drawn


def posters(many: list[PosterFacts], fonts: Fonts, cache: Cache | None) -> list[Drawn]:
    """Every poster of `many`, in order: those the cache lacks drawn on every core where there are many."""
    entries = [_entry(facts, fonts, cache) if cache is not None else Entry(None) for facts in many]
    todo = [(facts, entry) for facts, entry in zip(many, entries, strict=True) if entry.folder and not entry.ready]
    workers = worker_count(8)
    if len(todo) >= PARALLEL_FROM and workers > 1:
        n = len(todo)
        with process_pool(workers) as pool:
            list(pool.map(poster, [f for f, _ in todo], [fonts] * n, [cache] * n, [e for _, e in todo]))
    return [poster(facts, fonts, cache, entry) for facts, entry in zip(many, entries, strict=True)]


def default_share_image(title: str, issuer: str, fonts: Fonts | None) -> bytes:
    """The share image of pages without a photo: the campaign's title and the union, white and gold on red.

    Without a CJK font it is the same card without text (it is still better than none).
    """
    image = Image.new("RGB", (SHARE_SIZE, SHARE_SIZE), RED)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, SHARE_SIZE - 120, SHARE_SIZE, SHARE_SIZE), fill=DEEP_RED)
    pen.rectangle((0, SHARE_SIZE - 126, SHARE_SIZE, SHARE_SIZE - 120), fill=GOLD)
    pen.ellipse((SHARE_SIZE // 2 - 56, 70, SHARE_SIZE // 2 + 56, 182), outline=GOLD, width=10)
    if fonts is not None:
        big, small = _font(fonts, True, 52), _font(fonts, False, 32)
        lines = wrap(title, big, SHARE_SIZE - 80, 4)
        top = 230 + (SHARE_SIZE - 126 - 230 - 70 * len(lines)) // 2
        for n, line in enumerate(lines):
            pen.text((SHARE_SIZE // 2, top + 70 * n), line, font=big, fill=WHITE, anchor="mt")
        pen.text(
            (SHARE_SIZE // 2, SHARE_SIZE - 60), wrap(issuer, small, SHARE_SIZE - 60, 1)[0], font=small, fill=GOLD, anchor="mm"
        )
    return jpeg_bytes(image)
