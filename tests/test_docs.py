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


def test_the_readme_layout_table_is_the_tree():
    """Every package of sitegen/ has a row of the README's layout table, or is named in its
    stage's row (``ingest/readers/``, ``render/``), and every folder the table names is a package."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| [\w ]+ \| `sitegen/(\w+)/` \| (.*) \|$", section, flags=re.M)
    root = REPO / "sitegen"
    packages = {p.parent.relative_to(root).as_posix() for p in root.rglob("__init__.py")} - {"."}
    assert {stage for stage, _ in rows} == {p for p in packages if "/" not in p}
    named = {stage for stage, _ in rows}
    for stage, does in rows:
        for folder in re.findall(r"`([\w/]+)/`", does):
            named.add(folder if folder.startswith(stage + "/") else f"{stage}/{folder}")
    assert named == packages


def test_readme_commands_are_the_ones_ci_runs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    test_command = re.search(r"the test command itself is `([^`]+)`", readme).group(1)
    assert ci.rstrip().splitlines()[-1] == test_command
    assert "bash .ci/run" in readme
