"""Write docs/cli.md: every command's ``--help`` text, as the command prints it.

Run after changing an option: ``python docs/make_cli_reference.py``. tests/test_docs.py
fails when docs/cli.md and the commands' help text part ways.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.testing import CliRunner

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from sitegen.cli import main  # noqa: E402

HEAD = """# Command-line reference

Every command's `--help`, as it prints it (this page is made by `docs/make_cli_reference.py`,
and the test suite checks it against the commands). Every command takes `--site DIR`
(default: the current folder) before or after its name.
"""


def help_text(args: list[str]) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="sitegen", terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output.rstrip() + "\n"


def reference() -> str:
    parts = [HEAD, "## sitegen\n", "```\n" + help_text([]) + "```\n"]
    group = main if isinstance(main, click.Group) else None
    for name in sorted(group.commands if group else []):
        parts.append(f"## sitegen {name}\n")
        parts.append("```\n" + help_text([name]) + "```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    (HERE / "cli.md").write_text(reference(), encoding="utf-8")
    print("wrote docs/cli.md")
