"""goalpost: S&T innovation plans in, a scoreboard of targets out.

>>> import goalpost
>>> goalpost.Document.content_id("abc")
'ba7816bf8f01cfea'
"""

from goalpost._exceptions import (
    ConfigError,
    CorruptDocument,
    DecodeError,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    GoalpostError,
    ImportFileError,
    NeedsOCR,
    StoreError,
    UnsupportedFormat,
)
from goalpost._models import COMPARATORS, KINDS, Document, Item, Section

__version__ = "0.1.0"

__all__ = [
    "COMPARATORS",
    "KINDS",
    "ConfigError",
    "CorruptDocument",
    "DecodeError",
    "Document",
    "DocumentError",
    "DocumentTooLarge",
    "EmptyDocument",
    "EncryptedDocument",
    "GoalpostError",
    "ImportFileError",
    "Item",
    "NeedsOCR",
    "Section",
    "StoreError",
    "UnsupportedFormat",
    "__version__",
]
