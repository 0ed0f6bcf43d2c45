"""The docstring examples of regions and indicators stay true."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "goalpost.regions",
    "goalpost.indicators",
    "goalpost.indicators._catalog",
    "goalpost.indicators._match",
    "goalpost.indicators._model",
    "goalpost.indicators._normalize",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
