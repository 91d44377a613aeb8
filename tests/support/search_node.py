"""Run the real search.js in node (tests/search_driver.js): one request, one JSON answer."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

DRIVER = Path(__file__).resolve().parent / "search_driver.js"


def node(request: dict) -> object:
    exe = shutil.which("node")
    if exe is None:
        pytest.skip("node is not installed")
    done = subprocess.run(
        [exe, str(DRIVER)],
        input=json.dumps(request, ensure_ascii=False),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
