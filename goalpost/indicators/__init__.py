"""Indicator catalog and linking.

The catalog (``catalog.yaml``, editable by users) holds canonical indicators
with names and aliases in English and Chinese, a unit and a direction;
:meth:`Catalog.link` links a phrase from a document or a statistics file to
one of them, or returns None so the caller can make a provisional one with
:func:`new_indicator_for`.

>>> from goalpost.indicators import Catalog
>>> Catalog.load().link("total contractual value for technology transfer", unit="CNY").indicator_id
'tech-contract-turnover'
"""

from goalpost.indicators._catalog import FUZZY_THRESHOLD, Catalog, new_indicator_for
from goalpost.indicators._model import Indicator, Link
from goalpost.indicators._normalize import normalize, unit_family, units_compatible

__all__ = [
    "FUZZY_THRESHOLD",
    "Catalog",
    "Indicator",
    "Link",
    "new_indicator_for",
    "normalize",
    "unit_family",
    "units_compatible",
]
