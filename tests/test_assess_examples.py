"""The docstring examples of the assessment package stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "goalpost.assess",
    "goalpost.assess._assess",
    "goalpost.assess._forecast",
    "goalpost.assess._format",
    "goalpost.assess._observations",
    "goalpost.assess._periods",
    "goalpost.assess._revisions",
    "goalpost.assess._types",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
