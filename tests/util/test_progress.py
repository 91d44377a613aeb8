"""The progress bar: only on a terminal, never with --quiet, wiped before the summary."""

from __future__ import annotations

import io
import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitegen.util.progress import Progress

REPO = Path(__file__).resolve().parent.parent.parent


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_not_a_terminal_means_no_bar() -> None:
    stream = io.StringIO()
    bar = Progress.for_terminal(stream=stream)
    assert not bar.enabled
    with bar.stage("Rendering", 10) as advance:
        advance(5)
    assert stream.getvalue() == ""


def test_a_terminal_gets_a_bar_unless_quiet() -> None:
    master, slave = os.openpty()
    try:
        with open(slave, "w", closefd=False) as tty:
            assert Progress.for_terminal(stream=tty).enabled
            assert not Progress.for_terminal(stream=tty, quiet=True).enabled
    finally:
        os.close(master)
        os.close(slave)


def test_bar_waits_for_the_delay_then_draws_and_wipes() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = Progress(stream, enabled=True, delay=1.0, clock=clock)
    with bar.stage("Cleaning", 10) as advance:
        advance(2)
        assert stream.getvalue() == ""  # a short run stays silent
        clock.now += 1.5
        advance(1)
        drawn = stream.getvalue()
        assert "Cleaning [" in drawn and "3/10" in drawn and "#" in drawn
        clock.now += 0.01
        advance(1)
        assert stream.getvalue() == drawn  # no redraw within a frame
    wiped = stream.getvalue()[len(drawn) :]
    assert wiped.startswith("\r") and wiped.endswith("\r") and wiped.strip() == ""


def test_unknown_total_counts_up() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = Progress(stream, enabled=True, delay=0, clock=clock)
    with bar.stage("Reading dumps") as advance:
        clock.now += 1
        advance(7)
    assert "Reading dumps… 7" in stream.getvalue()


def run_on_pty(args: list[str], *, stderr_tty: bool) -> tuple[str, str]:
    """Run sitegen with stderr on a pseudo-terminal (or a pipe); returns (stdout, stderr)."""
    env = {**os.environ, "SITEGEN_PROGRESS_DELAY": "0", "PYTHONPATH": str(REPO), "TERM": "xterm"}
    cmd = [sys.executable, "-m", "sitegen", *args]
    if not stderr_tty:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=True)
        return done.stdout, done.stderr
    master, slave = os.openpty()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            pytest.fail("sitegen hung")
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    out = proc.stdout.read() if proc.stdout else ""
    assert proc.wait(timeout=120) == 0
    return out, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    return tmp_path


def test_build_on_a_terminal_shows_a_bar_then_the_summary(site: Path) -> None:
    out, err = run_on_pty(["--site", str(site), "build"], stderr_tty=True)
    assert "Rendering [" in err and "\r" in err
    assert out.startswith("Built ") and " pages " in out and out.rstrip().endswith("s")
    assert out.count("\n") == 1


def test_build_without_a_terminal_or_quiet_shows_no_bar(site: Path) -> None:
    out, err = run_on_pty(["--site", str(site), "build"], stderr_tty=False)
    assert "[" not in err and "\r" not in err
    assert out.startswith("Built ")
    out, err = run_on_pty(["--site", str(site), "build", "--quiet"], stderr_tty=True)
    assert "Rendering" not in err and out == ""


def test_import_on_a_terminal_shows_stages_then_the_summary(site: Path) -> None:
    out, err = run_on_pty(["--site", str(site), "import", "--quiet"], stderr_tty=True)
    assert "records from 1 dump(s)" in out  # --quiet keeps the one-line summary
    assert "Cleaning" not in err  # ... but shows no bar
    out, err = run_on_pty(["--site", str(site), "import"], stderr_tty=True)
    assert "Cleaning [" in err and "Writing pages" not in out
    assert "records from 1 dump(s)" in out.splitlines()[-1]
