"""Bytes to text: BOMs, strict UTF-8, then charset-normalizer for the rest.

Most files are UTF-8, so that is tried first and strictly. Chinese files in
the wild are GBK/GB2312 (read as GB18030, their superset) or Big5; short GBK
texts fool statistical detectors (they look like Korean), so a GB2312 check
runs before the detector's guess is trusted.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from goalpost._exceptions import DecodeError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "hz", "hz_gb_2312", "euc_cn", "cp936"}
_BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}
# Every byte but the control characters a text file should not have (tab,
# newline, form feed, carriage return and escape are fine).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in (9, 10, 12, 13, 27))


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_utf8(data: bytes) -> str | None:
    """Strict UTF-8, forgiving only a last character cut off by an interrupted download.

    >>> decode_utf8("广州".encode()[:-1])
    '广'
    >>> decode_utf8(b"\\xff plan") is None
    True
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")
        return None


def decode_bytes(data: bytes, path: str | None = None) -> str:
    """Decode a text file's bytes, guessing the encoding.

    >>> decode_bytes("广州科技创新".encode("gbk"))
    '广州科技创新'
    >>> decode_bytes(b"\\xef\\xbb\\xbfplan")
    'plan'
    """
    bom = bom_encoding(data)
    if bom:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as exc:
            raise DecodeError(f"invalid {bom} after its byte-order mark: {exc}", path) from exc
    if b"\x00" in data[:4096]:
        # NULs are valid UTF-8, so BOM-less UTF-16 must be ruled out first.
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16
    text = decode_utf8(data)
    if text is not None:
        return text
    gb = _try_gb18030(data)
    if gb is not None:
        return gb
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        name = codecs.lookup(best.encoding).name.replace("-", "_")
        if name in _GB_FAMILY:
            return data.decode("gb18030", errors="replace")
        if name in _BIG5_FAMILY:
            return _decode_big5(data)
        try:
            # Legacy English files are Windows-1252; detectors often call
            # short ones Baltic or Central European instead.
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return str(best)
    raise DecodeError("not text in any supported encoding (UTF-8/16, GB18030, Big5, ...)", path)


def _try_gb18030(data: bytes) -> str | None:
    """GB18030 text when nearly all its non-ASCII characters are common (GB2312).

    Big5 or Latin-1 bytes read as GB18030 give rare characters (or fail),
    so the GB2312 share separates real simplified-Chinese files from luck.
    """
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if len(wide) < 2:
        return None
    common = 0
    for ch in wide:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return text if common >= 0.9 * len(wide) else None


def _decode_big5(data: bytes) -> str:
    for name in ("big5", "cp950", "big5hkscs"):
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    return data.decode("cp950", errors="replace")


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, enc in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:2048])
            return text if printable >= 0.95 * min(len(text), 2048) else None
    return None


def looks_binary(data: bytes) -> str | None:
    """Why ``data`` is not text (NUL bytes, control characters), or None."""
    if bom_encoding(data) or _bomless_utf16(data) is not None:
        return None
    sample = data[:8192]
    if not sample:
        return None
    nuls = sample.count(0)
    # A stray NUL is noise that cleaning drops; many of them mean a binary file.
    if nuls > max(8, len(sample) // 100):
        return f"binary content ({nuls} NUL bytes in the first {len(sample)} bytes)"
    controls = len(sample.translate(None, _NOT_CONTROL))  # what is left are the controls
    if controls > 0.05 * len(sample):
        return f"binary content ({controls} control bytes in the first {len(sample)} bytes)"
    return None
