"""The docs say what the code does: every setting and field is documented."""

from __future__ import annotations

import re

from sitegen.config import SETTINGS
from sitegen.core.model import EVENT_FIELDS, SOURCE_FIELDS

from .conftest import REPO


def table_keys(path, heading: str | None = None) -> set[str]:
    text = (REPO / "docs" / path).read_text(encoding="utf-8")
    if heading:
        text = text.split(heading, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", text, flags=re.M))


def test_every_setting_is_documented():
    assert table_keys("settings.md", "# Settings") == {s.name for s in SETTINGS}


def test_every_front_matter_field_is_documented():
    assert table_keys("content-model.md", "## Sources") == set(SOURCE_FIELDS)
    assert table_keys("content-model.md", "## Events") == set(EVENT_FIELDS)


def test_readme_commands_are_the_ones_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"the test command itself is `([^`]+)`", readme).group(1)
    assert ci.rstrip().splitlines()[-1] == test_command
    assert "bash .ci/run" in readme
