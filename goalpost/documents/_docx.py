"""DOCX to text through python-docx, with a zip-bomb guard first."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

import docx
from docx.table import Table

from goalpost._exceptions import CorruptDocument, DocumentTooLarge, UnsupportedFormat

# A Word document's XML compresses about 10:1; 200:1 on a big member is a bomb.
_MAX_RATIO = 200
_RATIO_MIN_SIZE = 4 * 1024 * 1024


def docx_to_text(
    data: bytes, path: str | None = None, *, max_uncompressed: int, named_docx: bool = True
) -> tuple[str, str | None, str | None]:
    """(text, title, metadata title) of a DOCX: one line per paragraph, tab-separated cells.

    The title is the first paragraph styled Title or Heading 1, if any; the
    metadata title is the file's core property, often stale or a file name.

    The declared member sizes are checked before anything is decompressed
    (zipfile never inflates past them), so a zip bomb costs nothing.
    """
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        if not named_docx:
            raise UnsupportedFormat(f"damaged zip archive ({exc})", path) from exc
        raise CorruptDocument(f"damaged or truncated DOCX (bad zip: {exc})", path) from exc
    if "word/document.xml" not in {i.filename for i in infos}:
        if not named_docx:
            raise UnsupportedFormat("zip archive that is not a Word document", path)
        raise CorruptDocument("not a Word document (no word/document.xml inside)", path)
    total = sum(i.file_size for i in infos)
    if total > max_uncompressed:
        raise DocumentTooLarge(
            f"DOCX expands to {total:,} bytes, over the limit of {max_uncompressed:,} "
            "(possible zip bomb)",
            path,
        )
    for info in infos:
        if info.file_size > _RATIO_MIN_SIZE and info.file_size > _MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise DocumentTooLarge(
                f"DOCX member {info.filename} expands {info.file_size // max(info.compress_size, 1):,}"
                f"-fold to {info.file_size:,} bytes (possible zip bomb)",
                path,
            )
    try:
        document = docx.Document(BytesIO(data))
        blocks, title = _blocks(document)
        meta = document.core_properties.title
    except Exception as exc:  # python-docx/lxml/zipfile errors on damaged parts
        raise CorruptDocument(f"damaged DOCX ({type(exc).__name__}: {exc})", path) from exc
    return "\n\n".join(blocks), title, (meta or "").strip() or None


def _blocks(document) -> tuple[list[str], str | None]:
    blocks: list[str] = []
    title: str | None = None
    numbering = _Numbering(document)
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells: list[str] = []
                seen: list[object] = []
                for cell in row.cells:
                    if any(cell._tc is tc for tc in seen):
                        continue  # a merged cell is returned once per grid column
                    seen.append(cell._tc)
                    cells.append(" ".join(cell.text.split()))
                rows.append("\t".join(cells).rstrip("\t"))
            blocks.append("\n".join(r for r in rows if r.strip()))
            continue
        text = item.text.strip()
        if not text:
            continue
        label = numbering.label(item)
        if label:
            # Word draws automatic numbers that are not in the text; the outline needs them.
            text = label + ("" if label[-1] in "、）)．" else " ") + text
        style = (item.style.name if item.style is not None else "") or ""
        if title is None and style in ("Title", "Heading 1"):
            title = " ".join(text.split())
        blocks.append(text)
    return blocks, title


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN_DIGITS = "〇一二三四五六七八九"


class _Numbering:
    """Word's automatic list numbers ("1.", "(1)", "一、"), counted as Word counts them."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counts: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no automatic numbers
        abstract: dict[str | None, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    int(_val(lvl, "start") or 1),
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.findall(f"{_W}num"):
            self.levels[num.get(f"{_W}numId", "")] = abstract.get(_val(num, "abstractNumId"), {})

    def label(self, paragraph) -> str | None:
        num_id, ilvl = _num_pr(paragraph)
        levels = self.levels.get(num_id or "", {})
        if ilvl not in levels:
            return None
        counts = self.counts.setdefault(num_id or "", {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a new item restarts the levels below it
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return None

        def number(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            lvl_fmt, _, start = levels.get(lvl, ("decimal", "", 1))
            return _format(counts.get(lvl, start), lvl_fmt)

        return re.sub(r"%([1-9])", number, text).strip() or None


def _val(node, child: str) -> str | None:
    found = node.find(f"{_W}{child}")
    return found.get(f"{_W}val") if found is not None else None


def _num_pr(paragraph) -> tuple[str | None, int]:
    """(numId, level) from the paragraph, else from its style chain."""
    p_pr = paragraph._p.pPr
    num_pr = p_pr.numPr if p_pr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:
        s_pr = style.element.pPr
        num_pr = s_pr.numPr if s_pr is not None else None
        style = style.base_style
    if num_pr is None or num_pr.numId is None:
        return None, 0
    return str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt.startswith(("chineseCounting", "ideographTraditional", "taiwaneseCounting")):
        return _chinese(n)
    if fmt.startswith("decimalEnclosedCircle") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, glyph in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                         (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                         (4, "IV"), (1, "I")):  # fmt: skip
        while n >= value:
            out, n = out + glyph, n - value
    return out


def _chinese(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")
