"""Bad input: every broken file gets a clear error naming it, and the batch goes on.

Each case is a file as plans arrive in the wild (binary, empty, 200 MB, bad
encodings, NUL bytes, a 10 MB single line, deep HTML, scanned, encrypted or
truncated PDFs, truncated or bomb DOCX). A reader either reads it or raises
the documented :class:`goalpost.DocumentError` subclass whose message starts
with the path and says what is wrong; a batch holding all of them stores
every good file, reports every bad one as ``path: reason`` and leaves a
database that passes ``goalpost db check``. Memory stays bounded: files over
the size limit are refused without being read, zip bombs without inflating.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from goalpost import _exceptions as exc
from goalpost.documents import read_document
from goalpost.store import Store
from goalpost.store._maintenance import check_integrity

GOALPOST = Path(sys.executable).with_name("goalpost")
MiB = 1024 * 1024
PLAN = (
    "Three-year Action Plan for S&T Innovation (2019-2021)\n\n"
    "Overall Goal\n\n"
    "By the end of 2021, the city will have over 12,000 hi-tech companies.\n"
)
PLAN_ZH = (
    "广州市科技创新三年行动计划（2019—2021年）\n\n到2021年，全市高新技术企业超过12000家。\n" * 20
)


# ---------------------------------------------------------------- file makers
def _pdf(text: str | None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if text is None:
        pdf.rect(10, 10, 50, 50)  # a scan: drawings, no text layer
    else:
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_pdf(PLAN))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_heading("Three-year Action Plan (2018-2020)", level=1)
    for _ in range(40):
        d.add_paragraph(
            "Added value of strategic emerging industries will reach RMB 400 billion by 2020."
        )
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _zip_bomb_docx() -> bytes:
    """A valid-looking DOCX whose one member inflates 1000-fold (64 MiB of zeros)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as member:
            member.write(b"<w:document>")
            for _ in range(64):
                member.write(b" " * MiB)
    return buf.getvalue()


def _sparse(size: int) -> Callable[[Path], None]:
    """Write a file of ``size`` bytes instantly: a hole, no disk blocks, no memory."""

    def write(path: Path) -> None:
        with path.open("wb") as f:
            f.write(b"By 2021 the city will have 60 bases.\n")
            f.truncate(size)

    return write


def _bytes(data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data() if callable(data) else data)


def _random(n: int, low: int, seed: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, 256) for _ in range(n))


def _one_line_10mb(path: Path) -> None:
    """10 MiB without a newline: words, with a target every ~100 KiB."""
    rng = random.Random(5)
    words = ("innovation", "city", "plan", "the", "of", "and", "technology", "will", "build")
    chunk = " ".join(rng.choice(words) for _ in range(15000))
    target = " By 2021 the city will have over 12,000 hi-tech companies."
    with path.open("w", encoding="utf-8") as f:
        written = 0
        while written < 10 * MiB:
            written += f.write(chunk + target)


BAD_FILES: list[tuple[str, Callable[[Path], None], type[exc.DocumentError], str]] = [
    ("empty.txt", _bytes(b""), exc.EmptyDocument, "empty file (0 bytes)"),
    ("blank.md", _bytes(b"\n \t \r\n"), exc.EmptyDocument, "no text"),
    (
        "photo.png",
        _bytes(b"\x89PNG\r\n\x1a\n" + _random(4096, 0, 1)),
        exc.UnsupportedFormat,
        "PNG image",
    ),
    (
        "scan.txt",
        _bytes(b"\xff\xd8\xff\xe0" + _random(4096, 0, 2)),
        exc.UnsupportedFormat,
        "JPEG image",
    ),
    ("tool", _bytes(b"\x7fELF\x02\x01\x01" + bytes(4096)), exc.UnsupportedFormat, "executable"),
    ("blob.txt", _bytes(_random(16384, 0, 3)), exc.UnsupportedFormat, "binary content"),
    ("nuls.txt", _bytes(b"plan\x00\x00\x00\x00" * 2048), exc.UnsupportedFormat, "NUL bytes"),
    ("huge.txt", _sparse(200 * MiB), exc.DocumentTooLarge, "209,715,200 bytes, over the limit"),
    ("noise.txt", _bytes(_random(4096, 128, 4)), exc.DecodeError, "encoding"),
    (
        "mixed.txt",
        _bytes(PLAN_ZH.encode("utf-8") + PLAN_ZH.encode("gbk") + PLAN_ZH.encode("big5", "ignore")),
        exc.DecodeError,
        "encoding",
    ),
    ("scanned.pdf", _bytes(lambda: _pdf(None)), exc.NeedsOCR, "needs OCR"),
    ("locked.pdf", _bytes(_encrypted_pdf), exc.EncryptedDocument, "password"),
    ("cut.pdf", _bytes(lambda: _pdf(PLAN)[:700]), exc.CorruptDocument, "truncated"),
    ("cut.docx", _bytes(lambda: _docx_bytes()[:3000]), exc.CorruptDocument, "truncated DOCX"),
    ("bomb.docx", _bytes(_zip_bomb_docx), exc.DocumentTooLarge, "zip bomb"),
]


@pytest.mark.parametrize(
    ("name", "make", "error", "reason"), BAD_FILES, ids=[c[0] for c in BAD_FILES]
)
def test_bad_file_gives_its_error_naming_the_file(
    tmp_path: Path, name: str, make: Callable[[Path], None], error: type, reason: str
) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(error) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")
    assert reason in info.value.reason


@pytest.mark.parametrize(
    ("name", "make", "max_bytes", "budget"),
    [
        # refused from its size alone: reading it would cost 200 MiB
        pytest.param("huge.txt", _sparse(200 * MiB), None, 1 * MiB, id="200MB-text"),
        # refused from the zip directory: inflating would cost 64 MiB. A small
        # max_bytes, because the reader's read(max_bytes + 1) reserves that much.
        pytest.param("bomb.docx", _bytes(_zip_bomb_docx), 1 * MiB, 8 * MiB, id="zip-bomb"),
    ],
)
def test_oversize_files_are_refused_without_being_read(
    tmp_path: Path, name: str, make: Callable[[Path], None], max_bytes: int | None, budget: int
) -> None:
    path = tmp_path / name
    make(path)
    limits = {"max_bytes": max_bytes} if max_bytes else {}
    tracemalloc.start()
    try:
        with pytest.raises(exc.DocumentTooLarge):
            read_document(path, **limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < budget, f"peak {peak:,} bytes while refusing {name}"


@pytest.mark.parametrize("max_bytes", [1024, 64 * 1024])
def test_size_limit_is_configurable(tmp_path: Path, max_bytes: int) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(PLAN * 100)  # ~11 KB
    if path.stat().st_size > max_bytes:
        with pytest.raises(exc.DocumentTooLarge, match=f"over the limit of {max_bytes:,}"):
            read_document(path, max_bytes=max_bytes)
    else:
        assert "12,000" in read_document(path, max_bytes=max_bytes).text


def _half_downloaded_html(path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>规划</title></head><body>"
        f"<h1>广州市科技创新三年行动计划</h1><p>{PLAN_ZH}</p><p>到2021年，全市"
    ).encode()
    path.write_bytes(page[:-1])  # the download stopped mid-tag and mid-character


def _half_downloaded_text(path: Path) -> None:
    path.write_bytes(PLAN_ZH.encode()[:-2])  # cut in the middle of a 3-byte character


_DEEP_HTML = b"<html><body>" + b"<div>" * 30000 + PLAN.encode() + b"</div>" * 30000
ODD_BUT_READABLE = [
    pytest.param(_one_line_10mb, "12,000 hi-tech companies", id="10MB-single-line.txt"),
    pytest.param(_bytes(_DEEP_HTML), "12,000", id="nested-30000-deep.html"),
    pytest.param(
        _bytes(PLAN.encode().replace(b"Overall", b"Over\x00all")), "12,000", id="stray-NUL.txt"
    ),
    pytest.param(_bytes((PLAN + "Café résumé.\n").encode("cp1252")), "Café", id="cp1252.txt"),
    pytest.param(_bytes(PLAN_ZH.encode("gbk")), "12000家", id="gbk.txt"),
    pytest.param(_half_downloaded_html, "12000家", id="half-downloaded.html"),
    pytest.param(_half_downloaded_text, "12000家", id="half-downloaded.txt"),
]


@pytest.mark.parametrize(("make", "expected"), ODD_BUT_READABLE)
def test_odd_but_valid_files_are_read(
    request: pytest.FixtureRequest, tmp_path: Path, make: Callable[[Path], None], expected: str
) -> None:
    path = tmp_path / request.node.callspec.id
    make(path)
    doc = read_document(path)
    assert expected in doc.text
    assert "\x00" not in doc.text


@pytest.mark.slow
def test_batch_of_bad_files_reports_each_and_stores_the_rest(db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    bad = []
    for name, make, _error, reason in BAD_FILES:
        make(folder / name)
        bad.append((folder / name, reason))
    good = [folder / "plan-a.txt", folder / "plan-b.md", folder / "deep.html"]
    good[0].write_text(PLAN)
    good[1].write_text(PLAN_ZH)
    good[2].write_bytes(_DEEP_HTML)
    # bad files between the good ones: one failure must not stop the next file
    files = [
        good[0],
        *[p for p, _ in bad[: len(bad) // 2]],
        good[1],
        *[p for p, _ in bad[len(bad) // 2 :]],
        good[2],
    ]
    run = subprocess.run(
        [str(GOALPOST), "ingest", *map(str, files), "--db", db_url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    error_lines = [line for line in run.stderr.splitlines() if line.startswith("error ")]
    assert len(error_lines) == len(bad), run.stderr
    for path, reason in bad:
        (line,) = [x for x in error_lines if x.startswith(f"error {path}: ")]
        assert reason in line
    store = Store(db_url)
    try:
        assert sorted(d["source"] for d in store.documents()) == sorted(map(str, good))
        assert store.count_items() > 0
        assert check_integrity(store) == []
    finally:
        store.close()
