"""A progress bar for long imports and builds, and the line that ends them.

Dependency-free and small on purpose: one line on stderr, redrawn in place
with ``\\r`` at most ten times a second, shown only when stderr is a
terminal, only after the work has run for `DELAY` seconds (short runs stay
silent; ``SITEGEN_PROGRESS_DELAY`` changes that), and never with
``--quiet``.  It is wiped before anything else is printed, so problems and
summaries never share a line with it.

    bar = Progress.for_terminal(quiet=quiet)
    with bar.stage("Cleaning", total=len(records)) as step:
        for r in records:
            ...
            step()
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import TextIO

DELAY = 1.0  # seconds of work before a bar appears
_FRAME = 0.1  # seconds between redraws
_WIDTH = 24


def _clock() -> float:
    return time.monotonic()


def unwatched(n: int) -> None:
    """The ``advance`` callback of work nobody watches (a stage's default)."""


class Progress:
    """Draws one bar for the stage in progress; a disabled one does nothing."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool = True,
        delay: float = DELAY,
        clock: Callable[[], float] = _clock,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self._drawn = 0  # length of what is on the line now
        self._last = 0.0

    @classmethod
    def for_terminal(cls, *, quiet: bool = False, stream: TextIO | None = None) -> Progress:
        """A bar on stderr when it is a terminal (and not ``quiet``, and ``TERM`` is not dumb)."""
        stream = stream if stream is not None else sys.stderr
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):
            tty = False
        enabled = tty and not quiet and os.environ.get("TERM") != "dumb"
        try:  # SITEGEN_PROGRESS_DELAY=0 shows the bar at once (tests, demos)
            delay = float(os.environ.get("SITEGEN_PROGRESS_DELAY", DELAY))
        except ValueError:
            delay = DELAY
        return cls(stream, enabled=enabled, delay=delay)

    @property
    def elapsed(self) -> float:
        return self.clock() - self.started

    @contextlib.contextmanager
    def stage(self, label: str, total: int | None = None) -> Iterator[Callable[[int], None]]:
        """A named part of the work; call the yielded function with how many items were done."""
        done = 0

        def advance(n: int = 1) -> None:
            nonlocal done
            done += n
            self._draw(label, done, total)

        self._draw(label, done, total, force=True)
        try:
            yield advance
        finally:
            self.clear()

    def _draw(self, label: str, done: int, total: int | None, force: bool = False) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.started < self.delay or (not force and now - self._last < _FRAME):
            return
        self._last = now
        if total:
            frac = min(1.0, done / total)
            filled = int(frac * _WIDTH)
            bar = "#" * filled + "-" * (_WIDTH - filled)
            text = f"{label} [{bar}] {min(done, total)}/{total} {self.elapsed:.0f}s"
        else:
            text = f"{label}… {done} {self.elapsed:.0f}s" if done else f"{label}… {self.elapsed:.0f}s"
        self._write("\r" + text.ljust(self._drawn))
        self._drawn = len(text)

    def clear(self) -> None:
        """Wipe the bar so the next output starts on a clean line."""
        if self._drawn:
            self._write("\r" + " " * self._drawn + "\r")
            self._drawn = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.enabled = False
