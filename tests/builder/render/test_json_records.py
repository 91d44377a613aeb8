"""`fragments.encode` writes events.json's and timeline.json's records itself: the same characters
as ``json.dumps(value, ensure_ascii=False, indent=1)`` for every kind of value."""

from __future__ import annotations

import json

import pytest
from markupsafe import Markup

from sitegen.builder.render.fragments import encode

VALUES = [
    None,
    True,
    False,
    "",
    "plain",
    "新闻发布会",
    'quote " backslash \\ slash /',
    "controls \x00\x1f\x7f and newlines \n\r\t",
    "\u2028\u2029 \ud83d",  # line separators and a lone surrogate
    [],
    {},
    [[], {}],
    {"id": "a", "sources": [{"id": "s", "quote": "“引语”"}], "tags": [], "note": None, "on_topic": True},
    {"nested": {"deeper": {"deepest": ["x", ["y", {"z": ""}]]}}},
    # left to json.dumps (numbers, keys that are not strings, tuples, a str subclass), same result
    {"count": 3, "ratio": 0.5, "big": 10**20, "nan": float("nan")},
    {1: "one", None: "none", False: "no", 2.5: "half"},
    {"pair": ("a", "b")},
    [Markup("<b>x</b>")],
]


@pytest.mark.parametrize("value", VALUES)
def test_encode_writes_what_json_dumps_writes(value):
    assert encode(value) == json.dumps(value, ensure_ascii=False, indent=1)
