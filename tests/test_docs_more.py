"""More of the docs checked against the code: the command-line reference and the names
templates get (docs/theme.md)."""

from __future__ import annotations

import importlib.util
import re

import jinja2

from sitegen.builder import prepare
from sitegen.config import load_config

from .conftest import REPO, new_site


def _cli_reference_module():
    spec = importlib.util.spec_from_file_location("make_cli_reference", REPO / "docs" / "make_cli_reference.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_what_the_commands_print():
    """docs/cli.md is made from `--help`; after an option changes, run docs/make_cli_reference.py."""
    written = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == _cli_reference_module().reference()


def test_every_command_has_a_section_in_the_cli_reference():
    written = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    from sitegen.cli import main

    assert set(re.findall(r"^## sitegen (\S+)$", written, flags=re.M)) == set(main.commands)


def test_every_template_global_and_filter_is_documented(tmp_path):
    """What a theme author may use is listed in docs/theme.md under "What templates get"."""
    ctx = prepare(load_config(new_site(tmp_path / "site")))
    plain = jinja2.Environment()
    names = (set(ctx.env.globals) - set(plain.globals)) | (set(ctx.env.filters) - set(plain.filters))
    doc = (REPO / "docs" / "theme.md").read_text(encoding="utf-8")
    section = doc.split("### What templates get", 1)[1]
    documented = set(re.findall(r"`([a-z_]+)(?:\([^`]*\))?`", section))
    assert sorted(names - documented) == []
