"""Readers that turn files into :class:`goalpost.Document`.

Public API: :func:`read_document` (a file), :func:`build_document` (decoded
text), and the pieces they are built from: :func:`decode_bytes`,
:func:`clean_text`, :func:`detect_language`, :func:`find_publication_date`,
:func:`find_period`, :func:`find_title` and :func:`outline`.
"""

from goalpost.documents._build import build_document
from goalpost.documents._clean import clean_text, is_debris
from goalpost.documents._dates import find_period, find_publication_date
from goalpost.documents._decode import decode_bytes
from goalpost.documents._lang import detect_language
from goalpost.documents._outline import outline
from goalpost.documents._read import DEFAULT_MAX_BYTES, read_document
from goalpost.documents._title import find_title

__all__ = [
    "DEFAULT_MAX_BYTES",
    "build_document",
    "clean_text",
    "decode_bytes",
    "detect_language",
    "find_period",
    "find_publication_date",
    "find_title",
    "is_debris",
    "outline",
    "read_document",
]
