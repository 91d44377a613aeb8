"""Read a raw news-search dump into records, streaming, with file:line problems.

The format::

    Workflow                      <- optional header, 4 lines
    火灾                          <- the search keyword
    icon
    Search documents
    Headline                      <- then records of three lines
    Outlet In Pinyin· 2026-01-11 11:51
    One body line, often an excerpt ending in ...

Blank lines may appear anywhere; separators may be ``·``, ``・``, ``•`` or
``|``; times may carry seconds or be missing.  Files may be UTF-8 (with or
without BOM), GB18030/GBK or UTF-16 with a BOM (Windows "Unicode" text), with
LF or CRLF endings.  A line of only spaces and invisible characters is blank.
A broken record is reported (file, line, what was expected) and skipped; the
good ones are kept, and every line skipped is named.

Limits that protect the user: a line longer than `MAX_LINE_CHARS` is cut
there with a warning naming it, so one pasted-in log cannot hold up an import
or fill the memory (the rest of the line is read past, never held); a line holding a NUL character is
reported and skipped (costing at most the record it belongs to), and only a
file whose first 64 KiB are mostly control bytes is refused as binary.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path

from ..errors import Problem

HEADER_FIRST = "workflow"
HEADER_LINES = ("icon", "search documents")
SNIFF_BYTES = 1 << 16
MAX_LINE_CHARS = 500_000
"""A line longer than this many characters is cut to it, with a warning: real dump lines are a few
thousand characters, and import takes about 10 s per 500,000 characters (docs/reliability.md)."""
_READ_BYTES = 4 * MAX_LINE_CHARS  # enough for MAX_LINE_CHARS characters in UTF-8 or GB18030
BINARY_SHARE = 0.05
"""A file whose first 64 KiB hold more control bytes (NUL and the like) than this share is binary."""
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

_META = re.compile(
    r"^(?P<outlet>[^·・•|]{0,80}?)\s*[·・•|]\s*"
    r"(?P<when>\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:[ T]+\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?)\s*$"
)
_META_LIKE = re.compile(r"^(?P<outlet>[^·・•|]{0,80}?)\s*[·・•|]\s*(?P<when>\d[\d\s:：/.\-年月日T]{3,40})$")
_WHEN = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})\s*[:：]\s*(\d{2})(?:\s*[:：]\s*(\d{2}))?)?"
)


@dataclass(frozen=True)
class Record:
    """One article as the dump gives it, before any cleaning."""

    title: str
    outlet: str
    published: datetime
    precision: str  # "minute", "second" or "day" (no time given)
    body: str
    keyword: str | None
    path: Path
    line: int  # line of the headline (for a feed or JSON array: the item's number)
    url: str | None = None  # the original article, when the file gives it
    archive_url: str | None = None  # an archived copy of it
    unit: str = "line"  # "line" or "item": what ``line`` counts

    @property
    def place(self) -> str:
        """Where the record is in its file: ``seed.txt:5``, or ``feed.xml: item 3``."""
        name = self.path.name
        return f"{name}:{self.line}" if self.unit == "line" else f"{name}: item {self.line}"


@dataclass
class Dump:
    """What reading one file produced."""

    path: Path
    encoding: str = "utf-8"
    keyword: str | None = None
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.level == "error")


@dataclass(frozen=True)
class _Line:
    n: int
    text: str
    binary: bool = False  # it held NUL characters (removed from ``text``): its record is skipped


def read_dump(path: Path, tz: tzinfo) -> Dump:
    """Read a whole dump; see `iter_records` for the streaming form."""
    dump = Dump(Path(path))
    dump.records.extend(iter_records(dump, tz))
    return dump


def iter_records(dump: Dump, tz: tzinfo) -> Iterator[Record]:
    """Yield the good records of ``dump.path``; append problems to ``dump.problems``."""
    if text_encoding(dump, "a dump of news records"):
        yield from _parse(dump, _lines(dump), tz)


def read_whole(dump: Dump) -> bytes | None:
    """The file's bytes, or None with the reason added to ``dump.problems`` (readers of formats
    that are parsed whole: feeds, saved pages)."""
    try:
        return dump.path.read_bytes()
    except OSError as exc:
        dump.problems.append(Problem(dump.path, None, f"cannot read the file: {exc.strerror or exc}"))
        return None


def text_encoding(dump: Dump, expected: str) -> str | None:
    """Set and return ``dump.encoding`` when the file is readable text; else report why not
    (``expected``: what the file should have held) and return None."""
    path = dump.path
    try:
        with open(path, "rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        dump.problems.append(Problem(path, None, f"cannot read the file: {exc.strerror or exc}"))
        return None
    if not head.strip():
        dump.problems.append(Problem(path, 1, f"the file is empty: expected {expected}"))
        return None
    encoding = sniff_encoding(head)
    if encoding is None:
        what = (
            "UTF-16 text without a byte order mark: save it as UTF-8"
            if looks_like_utf16(head)
            else "the file holds binary data (expected UTF-8, GB18030 or UTF-16 text)"
        )
        dump.problems.append(Problem(path, 1, f"not a text dump: {what}"))
        return None
    dump.encoding = encoding
    return encoding


def sniff_encoding(head: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 (with BOM) or GB18030, judged on the first
    64 KiB; None for binary.

    A file whose lines mostly decode in one encoding is read in it; the few
    lines that don't are reported one by one later.
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = codecs.getincrementaldecoder("utf-16")(errors="replace").decode(head, final=False)
        return "utf-16" if text.count("\ufffd") * 100 <= len(text) else None
    if b"\x00" in head and looks_like_utf16(head):
        return None  # iter_records says it is UTF-16 without a byte order mark
    if len(head.translate(None, _NOT_CONTROL)) > BINARY_SHARE * len(head):
        return None  # mostly control bytes; a few stray ones cost only their lines (`_lines`)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    lines = head.split(b"\n")
    cut = len(head) == SNIFF_BYTES  # the last line may end inside a character
    for encoding in ("utf-8", "gb18030"):
        bad = 0
        for i, line in enumerate(lines):
            decoder = codecs.getincrementaldecoder(encoding)()
            try:
                decoder.decode(line, final=not (cut and i == len(lines) - 1))
            except UnicodeDecodeError:
                bad += 1
        if bad == 0 or (bad * 10 <= len(lines) and len(lines) >= 5):
            return encoding
    return None


def looks_like_utf16(head: bytes) -> bool:
    """UTF-16 with no byte order mark: one byte of many pairs is zero, always the same one."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = max(1, len(head) // 2)
    return max(even, odd) >= 0.2 * pairs and min(even, odd) <= 0.02 * pairs


def _lines(dump: Dump) -> Iterator[_Line]:
    """Non-blank lines, decoded one by one so one bad line does not lose the file."""
    enc = dump.encoding
    for n, text in _utf16_lines(dump) if enc == "utf-16" else _decoded_lines(dump):
        if text is None:
            continue
        binary = "\x00" in text
        text = text.replace("\ufeff", "").replace("\x00", "").strip()
        if is_visible(text):
            # kept in place, so the lines around it are still read as the records they belong to
            yield _Line(n, text, binary)
        elif binary:
            dump.problems.append(Problem(dump.path, n, "binary data in this line; it was skipped"))


def _decoded_lines(dump: Dump) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of a byte-oriented file; None (and a problem) for a line that does not decode."""
    enc = dump.encoding
    codec = "utf-8" if enc == "utf-8-sig" else enc
    with open(dump.path, "rb") as fh:
        for n, raw in enumerate(iter(lambda: fh.readline(_READ_BYTES), b""), 1):
            rest = _skip_line(fh) if len(raw) == _READ_BYTES and not raw.endswith(b"\n") else 0
            if n == 1 and enc == "utf-8-sig":
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                # a cut line may end inside a character: that character is left out
                text = codecs.getincrementaldecoder(codec)().decode(raw, final=not rest)
                if rest or len(text.rstrip("\r\n")) > MAX_LINE_CHARS:
                    _report_long_line(dump, n, len(raw.rstrip(b"\r\n")) + rest)
                    text = text[:MAX_LINE_CHARS]
                yield n, text
            except UnicodeDecodeError:
                dump.problems.append(
                    Problem(dump.path, n, f"this line is not valid {enc} text; it was skipped")
                )
                yield n, None


def _skip_line(fh: io.BufferedReader) -> int:
    """Read past the rest of the current line (in bounded pieces); how many bytes it had
    before its line break."""
    skipped = 0
    while piece := fh.readline(_READ_BYTES):
        skipped += len(piece.rstrip(b"\r\n"))
        if piece.endswith(b"\n"):
            break
    return skipped


def _report_long_line(dump: Dump, n: int, size: int) -> None:
    dump.problems.append(
        Problem(
            dump.path,
            n,
            f"this line is longer than {MAX_LINE_CHARS:,} characters ({size:,} bytes); only its first "
            f"{MAX_LINE_CHARS:,} characters were read (the limit for one line of a dump)",
            level="warning",
        )
    )


def _utf16_lines(dump: Dump) -> Iterator[tuple[int, str | None]]:
    """(line number, text) of a UTF-16 file, decoded as a stream (its line breaks are two bytes).
    A line with a broken surrogate pair is reported and skipped, as in the other encodings;
    a line longer than `MAX_LINE_CHARS` is cut there, as in the others."""
    decoder = codecs.getincrementaldecoder("utf-16")(errors="surrogatepass")
    n, parts = 0, []
    size, limit = 0, MAX_LINE_CHARS  # characters of the line so far, and the most kept

    def checked(text: str) -> str | None:
        if size > limit:
            _report_long_line(dump, n, 2 * size)
            text = text[:limit]
            if text and "\ud800" <= text[-1] <= "\udbff":
                text = text[:-1]  # half a pair cut off
        if _SURROGATE.search(text) is None:
            return text
        dump.problems.append(Problem(dump.path, n, "this line is not valid UTF-16 text; it was skipped"))
        return None

    with open(dump.path, "rb") as fh:
        for chunk in iter(lambda: fh.read(SNIFF_BYTES), b""):
            *done, rest = decoder.decode(chunk).split("\n")
            for piece in done:
                parts.append(piece)
                size += len(piece)
                n += 1
                yield n, checked("".join(parts))
                parts, size = [], 0
            if size <= limit:
                parts.append(rest)
            size += len(rest)
    n += 1
    try:
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        dump.problems.append(Problem(dump.path, n, "the file ends inside a UTF-16 character (truncated?)"))
    yield n, checked("".join(parts))


_SURROGATE = re.compile("[\ud800-\udfff]")


def is_visible(text: str) -> bool:
    """Does ``text`` show anything?  Spaces, control and format characters (zero-width
    space, joiners, direction marks) alone make a blank line, like an empty one."""
    return any(not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf") for ch in text)


def parse_meta(text: str, tz: tzinfo) -> tuple[str, datetime, str] | str | None:
    """Read ``Outlet· YYYY-MM-DD HH:MM``.

    Returns (outlet, aware datetime, precision) when valid, an error message when
    the line looks like a date line but its date is wrong, ``None`` otherwise.
    """
    m = _META.match(text)
    if not m:
        like = _META_LIKE.match(text)
        if like:
            return f"unparsable date {like.group('when')!r}: expected YYYY-MM-DD HH:MM"
        return None
    w = _WHEN.fullmatch(m.group("when").strip())
    if w is None:  # pragma: no cover - _META and _WHEN agree
        return f"unparsable date {m.group('when')!r}: expected YYYY-MM-DD HH:MM"
    y, mo, d, hh, mm, ss = w.groups()
    try:
        dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0), tzinfo=tz)
    except ValueError as exc:
        return f"unparsable date {m.group('when')!r}: {exc}"
    precision = "second" if ss else "minute" if hh else "day"
    outlet = re.sub(r"\s+", " ", m.group("outlet")).strip()
    if not is_visible(outlet):
        return "the date line names no outlet before the separator"
    return outlet, dt, precision


def _parse(dump: Dump, lines: Iterator[_Line], tz: tzinfo) -> Iterator[Record]:
    buf: deque[_Line] = deque()
    problems = dump.problems

    def fill(k: int) -> None:
        while len(buf) < k:
            try:
                buf.append(next(lines))
            except StopIteration:
                return

    def is_meta(i: int) -> bool:
        fill(i + 1)
        return len(buf) > i and isinstance(parse_meta(buf[i].text, tz), tuple)

    def resync() -> None:
        """Drop lines until a headline followed by a date line (or a header) starts; the
        problem just reported names the lines dropped, so none is lost unannounced."""
        dropped: list[int] = []
        while buf or _peek():
            fill(2)
            if len(buf) < 2:
                dropped.extend(line.n for line in buf)
                buf.clear()
                break
            if is_meta(1) or _is_header(0):
                break
            dropped.append(buf.popleft().n)
        if dropped:
            first, last = dropped[0], dropped[-1]
            which = f"line {first}" if first == last else f"lines {first}-{last}"
            problems[-1].message += f"; {which} skipped too (no headline and date line there)"

    def _peek() -> bool:
        fill(1)
        return bool(buf)

    def _is_header(i: int) -> bool:
        fill(i + 4)
        return (
            len(buf) > i + 3
            and buf[i].text.lower() == HEADER_FIRST
            and buf[i + 2].text.lower() == HEADER_LINES[0]
        )

    while True:
        fill(4)
        if not buf:
            return
        if _is_header(0):
            dump.keyword = buf[1].text
            header = [buf.popleft() for _ in range(3)]
            if buf and buf[0].text.lower() == HEADER_LINES[1]:
                header.append(buf.popleft())
            if any(line.binary for line in header):
                problems.append(
                    Problem(
                        dump.path,
                        next(line.n for line in header if line.binary),
                        f"binary data (NUL characters) in the header (lines {header[0].n}-{header[-1].n}); "
                        "they were left out",
                        level="warning",
                    )
                )
            continue
        head = buf[0]
        if len(buf) == 1:
            problems.append(
                Problem(
                    dump.path,
                    head.n,
                    "the file ends after a headline: expected a date line "
                    "'Outlet· YYYY-MM-DD HH:MM' and a body line (truncated file?)",
                )
            )
            return
        meta = parse_meta(buf[1].text, tz)
        if meta is None:
            if isinstance(parse_meta(head.text, tz), tuple):
                msg = "a date line with no headline before it: expected the headline on the line above"
            else:
                found = buf[1].text[:40]
                msg = (
                    f"expected a date line 'Outlet· YYYY-MM-DD HH:MM' after the headline on line {head.n}, "
                    f"found {found!r} on line {buf[1].n}; record skipped"
                )
            problems.append(Problem(dump.path, head.n, msg))
            buf.popleft()
            resync()
            continue
        if isinstance(meta, str):
            problems.append(Problem(dump.path, buf[1].n, meta + "; record skipped"))
            buf.popleft()
            buf.popleft()
            resync()
            continue
        outlet, published, precision = meta
        date_line = buf[1]
        fill(4)
        if len(buf) < 3:
            problems.append(
                Problem(
                    dump.path,
                    date_line.n,
                    "the file ends after the date line: the record's body line is missing "
                    "(truncated file?); record skipped",
                )
            )
            return
        if is_meta(2) or is_meta(3) or _is_header(2):
            # the line after the date is the next record's headline: this record has no body
            problems.append(
                Problem(
                    dump.path,
                    date_line.n,
                    "no body line after the date line; the record was imported with its headline only",
                    level="warning",
                )
            )
            body = ""
            consumed = 2
        else:
            body = buf[2].text
            consumed = 3
        binary = [line.n for line in list(buf)[:consumed] if line.binary]
        if binary:
            problems.append(
                Problem(
                    dump.path,
                    binary[0],
                    f"binary data (NUL characters) in this line; "
                    f"its record (lines {head.n}-{buf[consumed - 1].n}) was skipped",
                )
            )
            for _ in range(consumed):
                buf.popleft()
            continue
        yield Record(
            title=head.text,
            outlet=outlet,
            published=published,
            precision=precision,
            body=body,
            keyword=dump.keyword,
            path=dump.path,
            line=head.n,
        )
        for _ in range(consumed):
            buf.popleft()
