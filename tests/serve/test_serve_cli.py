"""The ``sitegen serve`` command line: options documented, help for each, a busy port explained."""

from __future__ import annotations

import re
import socket

from click.testing import CliRunner

from sitegen.cli import main

from ..conftest import REPO


def test_every_serve_option_has_help_and_is_documented() -> None:
    command = main.commands["serve"]
    options = {p.opts[0]: p for p in command.params if p.opts[0].startswith("--")}
    assert set(options) == {"--host", "--port", "--open", "--site"}
    assert all(p.help for p in options.values())
    doc = (REPO / "docs" / "serve.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^\| `(--[a-z-]+)` \|", doc, flags=re.M)) == set(options)


def test_a_busy_port_is_a_clear_error(seed_site) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["--site", str(seed_site), "serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}: error: cannot listen there" in result.output
