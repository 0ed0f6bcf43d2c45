"""Readers: every format to a Document, and every bad file to the right error."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter

from goalpost import _exceptions as exc
from goalpost._models import Document
from goalpost.documents import DEFAULT_MAX_BYTES, decode_bytes, read_document

PLAN_EN = (
    "Three-year Action Plan for S&T Innovation (2019-2021)\n\n"
    "Published: 3 March 2020\n\n"
    "The city issued the plan to become a leading city in S&T innovation by early 2021.\n\n"
    "Overall Goal\n\n"
    "By the end of 2021, the city will have over 12,000 Hi-tech companies.\n"
)
PLAN_ZH = (
    "广州市科技创新三年行动计划（2019—2021年）\n\n"
    "发布时间：2019-09-30\n\n"
    "为加快建设科技创新强市，制定本行动计划。\n\n"
    "一、总体目标\n\n"
    "到2021年，全市高新技术企业超过12000家，研发经费占地区生产总值比重达到3.1%。\n"
)
PLAN_TW = "臺北市科技創新計畫（2021—2025年）\n\n到2025年，研發經費占國內生產毛額比重達到百分之三，高科技企業超過一萬家。\n"


def _pdf(text: str | None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(10, 10, 50, 50)  # a drawing, no text layer
    else:
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def _docx(path: Path) -> Path:
    d = docx.Document()
    d.add_heading("Three-year Action Plan (2018-2020)", level=1)
    d.add_paragraph("Published: 14 September 2018")
    d.add_paragraph("The Action Plan includes 5 key objectives and several protective measures.")
    d.add_heading("5 key objectives", level=2)
    d.add_paragraph("1. Optimising Innovation Infrastructure")
    d.add_paragraph(
        "Added value of strategic emerging industries will reach RMB 400 billion by 2020."
    )
    table = d.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "Indicator", (0, 1): "2020", (1, 0): "Hi-tech firms"}.items():
        table.cell(r, c).text = value
    table.cell(1, 1).text = "12,000"
    d.save(path)
    return path


# -- each reader ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["plan.txt", "plan.md", "plan", "plan.data"])
def test_text_reader_reads_plain_and_markdown_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PLAN_EN, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == ("md" if name.endswith(".md") else "txt")
    assert doc.title == "Three-year Action Plan for S&T Innovation (2019-2021)"
    assert (doc.date, doc.period, doc.lang) == ("2020-03-03", (2019, 2021), "en")
    assert doc.source == str(path)
    assert [s.title for s in doc.sections] == ["Overall Goal"]


def test_markdown_headings_and_tables_survive(tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(
        "# Innovation Plan (2021-2025)\n\n## Goals\n\n| Indicator | Target |\n|---|---|\n"
        "| Labs | 30 |\n\nThe city will build 30 labs by 2025 and many more later.\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Innovation Plan (2021-2025)"
    assert doc.period == (2021, 2025)
    assert "| Indicator | Target |" in doc.text
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Innovation Plan (2021-2025)", 1),
        ("Goals", 2),
    ]


def test_html_reader_drops_page_furniture_and_keeps_blocks_on_lines(tmp_path: Path) -> None:
    page = """<!DOCTYPE html><html><head><title>Innovation plan - Guangzhou International</title>
    <style>p {color: red}</style><script>var menu = "Home";</script></head><body>
    <header><div>Home | About GZ | Directory | Contact Us</div></header>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="crumb">Home &gt; Innovation &gt; Article</div>
    <article><h1>Guangzhou's   innovative
      ecosphere</h1><p>Update: 2017-09-26</p>
    <p>Guangzhou ranks top 3 among all Chinese cities in the number of innovative companies.</p>
    <h2>Innovative talents</h2><p>By July 2017, the city has issued 2,515 green cards for talents.</p>
    <table><tr><td>Incubators</td><td>280</td></tr><tr><td>Makerspaces</td><td>138</td></tr></table>
    </article><aside>Top stories</aside>
    <p>Copyright &copy; 2010 The People's Government of Guangzhou Municipality. All Rights Reserved</p>
    <footer>Email: gzportal@gz.gov.cn</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.title == "Guangzhou's innovative ecosphere"
    assert doc.date == "2017-09-26"
    lines = doc.text.split("\n")
    assert "Innovative talents" in lines
    assert "Incubators\t280" in lines and "Makerspaces\t138" in lines
    assert "Guangzhou ranks top 3 among all Chinese cities" in doc.text
    for debris in ("var menu", "color: red", "About GZ", "Top stories", "Copyright", "gzportal"):
        assert debris not in doc.text
    assert [s.title for s in doc.sections] == ["Innovative talents"]


def test_html_title_falls_back_to_title_tag_without_site_name(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(
        b"<html><head><title>Innovation Drives Development | Science Daily</title></head>"
        b"<body><p>Guangdong has topped the innovation rank for four consecutive years.</p></body></html>"
    )
    assert read_document(path).title == "Innovation Drives Development"


@pytest.mark.parametrize(
    "meta, encoding",
    [
        ('<meta charset="gbk">', "gbk"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gbk"),
        ('<meta charset="utf-8">', "gbk"),  # a meta tag that lies is not believed
        ("", "gb18030"),
    ],
)
def test_html_charset_from_meta_or_sniffed(tmp_path: Path, meta: str, encoding: str) -> None:
    body = "<p>" + PLAN_ZH.replace("\n\n", "</p><p>") + "</p>"
    page = f"<html><head>{meta}<title>计划</title></head><body>{body}</body></html>"
    path = tmp_path / "zh.html"
    path.write_bytes(page.encode(encoding))
    doc = read_document(path)
    assert doc.lang == "zh"
    assert "全市高新技术企业超过12000家" in doc.text
    assert [(s.number, s.title) for s in doc.sections] == [("一、", "总体目标")]


@pytest.mark.parametrize(
    "markup, text",
    [
        (
            "<p>Overall Goal<br>By 2021 the city will lead.</p>",
            "Overall Goal\nBy 2021 the city will lead.",
        ),
        ("<ul><li>Labs: 30</li><li>Firms: 12,000</li></ul>", "Labs: 30\nFirms: 12,000"),
        ("<p>R&amp;D&nbsp;spending <b>3.1%</b> of\n  GDP</p>", "R&D spending 3.1% of GDP"),
        ("<pre>Line one\n  Line two</pre>", "Line one\nLine two"),  # line breaks kept
        ("<p>Kept</p><!-- a comment --><template>gone</template>", "Kept"),
    ],
)
def test_html_block_and_inline_elements(tmp_path: Path, markup: str, text: str) -> None:
    path = tmp_path / "snippet.html"
    path.write_text(f"<html><body>{markup}</body></html>", encoding="utf-8")
    assert read_document(path).text == text


def test_html_latin1_meta_is_read_as_windows_1252(tmp_path: Path) -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>The “plan” costs €5 million.</p></body></html>'
    path = tmp_path / "latin.html"
    path.write_bytes(page.encode("cp1252"))
    assert read_document(path).text == "The “plan” costs €5 million."


def test_html_in_a_txt_file_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("<!DOCTYPE html><html><body><h1>Plan</h1><p>Body text.</p></body></html>")
    doc = read_document(path)
    assert doc.format == "html" and doc.text == "Plan\n\nBody text."


def test_deeply_nested_html_is_read_or_refused_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_bytes(b"<html><body>" + b"<div>" * 20000 + b"deep text" + b"</div>" * 20000)
    try:
        doc = read_document(path)
    except exc.CorruptDocument as err:
        assert err.path == str(path)
    else:
        assert doc.text == "deep text"


def test_pdf_reader_reads_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(PLAN_EN))
    doc = read_document(path)
    assert doc.format == "pdf"
    assert "over 12,000 Hi-tech companies" in doc.text
    assert (doc.title, doc.date, doc.period) == (
        "Three-year Action Plan for S&T Innovation (2019-2021)",
        "2020-03-03",
        (2019, 2021),
    )
    assert [s.title for s in doc.sections] == ["Overall Goal"]


def _encrypt(data: bytes, user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_pdf_with_owner_password_only_is_read(tmp_path: Path, algorithm: str) -> None:
    # Permission-restricted PDFs (no printing or copying) open without a password.
    path = tmp_path / "restricted.pdf"
    path.write_bytes(_encrypt(_pdf(PLAN_EN), "", algorithm))
    assert "12,000" in read_document(path).text


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_pdf_with_user_password_is_encrypted_document(tmp_path: Path, algorithm: str) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(_encrypt(_pdf(PLAN_EN), "secret", algorithm))
    with pytest.raises(exc.EncryptedDocument, match="password") as info:
        read_document(path)
    assert info.value.path == str(path)


def test_docx_reader_keeps_headings_and_tables(tmp_path: Path) -> None:
    doc = read_document(_docx(tmp_path / "plan.docx"))
    assert doc.format == "docx"
    assert doc.title == "Three-year Action Plan (2018-2020)"
    assert (doc.date, doc.period) == ("2018-09-14", (2018, 2020))
    assert "Indicator\t2020\nHi-tech firms\t12,000" in doc.text
    assert [(s.title, s.level, s.number) for s in doc.sections] == [
        ("5 key objectives", 1, None),
        ("Optimising Innovation Infrastructure", 2, "1."),
    ]


def test_pdf_paragraphs_wrapped_across_lines_are_joined(tmp_path: Path) -> None:
    body = (
        "Guangzhou will initially establish itself as a leading city in S&T innovation by 2021 in "
        "addition to becoming an international S&T innovation hub and an international S&T "
        "industrial innovation center."
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    text = f"Innovation Plan (2019-2021)\n\nPublished: 3 March 2020\n\nOverall Goal\n\n{body}\n\n"
    text += f"Eight Major Actions\n\n(1) Enhancing platforms\n\n{body}"
    pdf.multi_cell(120, 6, text)  # a narrow column: the body wraps over several lines
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = read_document(path)
    lines = doc.text.split("\n")
    assert body in lines
    assert lines[:3] == ["Innovation Plan (2019-2021)", "Published: 3 March 2020", "Overall Goal"]
    assert [(s.level, s.title) for s in doc.sections] == [
        (1, "Overall Goal"),
        (1, "Eight Major Actions"),
        (2, "Enhancing platforms"),
    ]


@pytest.mark.parametrize(
    "meta, expected",
    [
        ("Innovation Plan (2021-2025)", ("Innovation Plan (2021-2025)", (2021, 2025))),
        ("Microsoft Word - plan.doc", (None, None)),
        ("plan_final.docx", (None, None)),
    ],
)
def test_file_metadata_title_is_a_last_resort(
    tmp_path: Path, meta: str, expected: tuple[str | None, tuple[int, int] | None]
) -> None:
    d = docx.Document()
    d.core_properties.title = meta
    d.add_paragraph("The city will build 30 labs and attract 90,000 returnees by the end of 2021.")
    d.save(tmp_path / "untitled.docx")
    doc = read_document(tmp_path / "untitled.docx")
    assert (doc.title, doc.period) == expected
    d.paragraphs[0].insert_paragraph_before("Three-year Plan", style="Title")
    d.save(tmp_path / "titled.docx")
    assert read_document(tmp_path / "titled.docx").title == "Three-year Plan"


def test_docx_automatic_list_numbers_are_written_out(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("The plan sets out its goals and the measures that protect them, as follows.")
    for item in ("Key goals", "Protective measures"):
        d.add_paragraph(item, style="List Number")
        d.add_paragraph("The city will build 30 labs and attract 90,000 returnees by 2021.")
    d.add_paragraph("A bullet point", style="List Bullet")
    d.save(tmp_path / "numbered.docx")
    doc = read_document(tmp_path / "numbered.docx")
    assert "1. Key goals" in doc.text and "2. Protective measures" in doc.text
    assert "\nA bullet point" in doc.text  # bullets carry no number
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1.", "Key goals"),
        ("2.", "Protective measures"),
    ]


def test_docx_chinese_list_numbers_follow_the_numbering_format(tmp_path: Path) -> None:
    d = docx.Document()
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    style_num = d.styles["List Number"].element.pPr.numPr.numId.val
    numbering = d.part.numbering_part.element
    num = next(n for n in numbering.iter(f"{w}num") if n.get(f"{w}numId") == str(style_num))
    abstract_id = num.find(f"{w}abstractNumId").get(f"{w}val")
    abstract = next(
        a for a in numbering.iter(f"{w}abstractNum") if a.get(f"{w}abstractNumId") == abstract_id
    )
    level = abstract.find(f"{w}lvl")
    level.find(f"{w}numFmt").set(f"{w}val", "chineseCounting")
    level.find(f"{w}lvlText").set(f"{w}val", "%1、")
    d.add_paragraph("为加快建设科技创新强市，制定本行动计划，现提出如下意见。")
    for item in ("总体目标", "重点任务"):
        d.add_paragraph(item, style="List Number")
        d.add_paragraph("到2025年，全市高新技术企业超过15000家，研发投入大幅增加。")
    d.save(tmp_path / "zh.docx")
    doc = read_document(tmp_path / "zh.docx")
    assert [(s.number, s.title) for s in doc.sections] == [
        ("一、", "总体目标"),
        ("二、", "重点任务"),
    ]


# -- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("gbk", PLAN_ZH),
        ("gb2312", PLAN_ZH.replace("—", "-")),
        ("gb18030", PLAN_ZH + "𠀀㐀"),  # characters only GB18030 has
        ("big5", PLAN_TW),
        ("utf-16", PLAN_ZH),  # with BOM (Python writes one)
        ("utf-8-sig", PLAN_ZH),
        ("utf-8", PLAN_ZH),
    ],
)
def test_chinese_encodings_are_detected(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_document(path)
    assert doc.text == text.strip()
    assert doc.lang == "zh"


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"\xef\xbb\xbfplan", "plan"),
        ("广州科技".encode("gbk"), "广州科技"),  # short GBK looks Korean to detectors
        (b"\xfe\xff" + "广州".encode("utf-16-be"), "广州"),
        ("Plan for 2021.".encode("utf-16-le"), "Plan for 2021."),  # BOM-less UTF-16
        ("Café résumé naïve plan. ".encode("cp1252") * 3, "Café résumé naïve plan. " * 3),
    ],
)
def test_decode_bytes_handles_boms_and_legacy_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


# -- bad files --------------------------------------------------------------------------------


def _truncated_pdf(tmp: Path) -> bytes:
    data = _pdf(PLAN_EN)
    return data[: len(data) // 2]


def _truncated_docx(tmp: Path) -> bytes:
    data = _docx(tmp / "whole.docx").read_bytes()
    return data[: len(data) // 2]


def _zip_without_document(tmp: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return buf.getvalue()


def _zip_bomb(tmp: Path) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        with z.open("word/media/huge.xml", "w") as member:
            for _ in range(32):
                member.write(b"\0" * (1 << 20))  # 32 MiB of zeros, ~32 KiB compressed
    return buf.getvalue()


def _random_high_bytes(tmp: Path) -> bytes:
    import random

    rng = random.Random(3)
    return bytes(rng.randrange(128, 256) for _ in range(2000))


@pytest.mark.parametrize(
    "name, make, error, reason",
    [
        ("empty.txt", lambda t: b"", exc.EmptyDocument, "0 bytes"),
        ("blank.txt", lambda t: b"  \n\n \t\n", exc.EmptyDocument, "no text"),
        ("menu.html", lambda t: b"<p>Home | About | Contact</p>", exc.EmptyDocument, "no text"),
        ("image.png", lambda t: b"\x89PNG\r\n\x1a\n" + bytes(64), exc.UnsupportedFormat, "PNG"),
        ("image.txt", lambda t: b"\xff\xd8\xff\xe0" + bytes(64), exc.UnsupportedFormat, "JPEG"),
        ("nul.txt", lambda t: b"plan\x00\x00\x01\x02" * 64, exc.UnsupportedFormat, "NUL"),
        (
            "old.doc",
            lambda t: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            exc.UnsupportedFormat,
            "legacy Office",
        ),
        ("data.xlsx", lambda t: b"anything", exc.UnsupportedFormat, ".xlsx"),
        ("noise.txt", _random_high_bytes, exc.DecodeError, "encoding"),
        ("cut.pdf", _truncated_pdf, exc.CorruptDocument, "truncated"),
        ("fake.pdf", lambda t: b"just words", exc.CorruptDocument, "%PDF"),
        (
            "locked.pdf",
            lambda t: _encrypt(_pdf(PLAN_EN), "pw", "RC4-128"),
            exc.EncryptedDocument,
            "password",
        ),
        ("scan.pdf", lambda t: _pdf(None), exc.NeedsOCR, "needs OCR"),
        ("cut.docx", _truncated_docx, exc.CorruptDocument, "zip"),
        ("fake.docx", lambda t: b"just words", exc.CorruptDocument, "zip"),
        ("other.docx", _zip_without_document, exc.CorruptDocument, "word/document.xml"),
        ("archive.zip", _zip_without_document, exc.UnsupportedFormat, "zip"),
        ("bomb.docx", _zip_bomb, exc.DocumentTooLarge, "zip bomb"),
    ],
)
def test_bad_files_raise_the_right_error_naming_the_path(
    tmp_path: Path, name: str, make, error: type[exc.DocumentError], reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make(tmp_path))
    with pytest.raises(error) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")
    assert reason.lower() in info.value.reason.lower()


def test_file_over_max_bytes_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("By 2021 the city will have 60 bases.\n" * 100)
    with pytest.raises(exc.DocumentTooLarge, match="over the limit of 1,000"):
        read_document(path, max_bytes=1000)
    assert read_document(path).text  # the default limit is far higher
    assert DEFAULT_MAX_BYTES >= 10 * 1024 * 1024


def test_docx_expanding_past_the_limit_is_too_large(tmp_path: Path) -> None:
    path = _docx(tmp_path / "plan.docx")
    size = path.stat().st_size
    with pytest.raises(exc.DocumentTooLarge, match="expands to"):
        read_document(path, max_bytes=size + 1)  # fits, but its XML expands past 10x


@pytest.mark.parametrize("target", ["missing.txt", "."])
def test_missing_file_or_directory_is_a_document_error(tmp_path: Path, target: str) -> None:
    path = tmp_path / target
    with pytest.raises(exc.DocumentError) as info:
        read_document(path)
    assert info.value.path == str(path)


# -- ids and overrides ------------------------------------------------------------------------


def test_id_is_the_hash_of_the_file_bytes_and_stable_across_reads(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_EN)
    first, second = read_document(path), read_document(path)
    assert first.id == second.id == Document.content_id(path.read_bytes())
    path.write_text(PLAN_EN + "\nOne more sentence.")
    assert read_document(path).id != first.id


def test_overrides_win_over_detection(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN_EN)
    doc = read_document(path, title="My plan", date="2020", period=(2020, 2022), lang="zh")
    assert (doc.title, doc.date, doc.period, doc.lang) == ("My plan", "2020", (2020, 2022), "zh")


def test_from_text_builds_through_the_documents_package() -> None:
    doc = Document.from_text("By 2025 the city will have 10 labs.", title="Plan")
    assert doc.text == "By 2025 the city will have 10 labs."
    assert doc.id == Document.content_id(doc.text)
    assert (doc.title, doc.lang, doc.format) == ("Plan", "en", "txt")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_decode_bytes_returns_text_or_raises_decode_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data), str)
    except exc.DecodeError as err:
        assert err.reason
