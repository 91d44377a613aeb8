"""The fields every tabular reader (CSV, TSV, JSON, JSON Lines) fills, and how their values are read.

A row becomes a `Record` when it has a title, an outlet and a publication date that can be read
at some precision; the body and the URLs are optional.  Column names are matched after folding
case, width and separators (``Published At`` = ``published_at`` = ``publishedAt``), against the
aliases below (data, in the order they are tried) or the user's ``--map field=column``.

Dates keep the precision and zone they are written with: ``2024-05-17`` is a day, never midnight;
``…T10:30:00Z`` is read in UTC (`read_records` then tells the instant in the site's timezone); a
date without a zone is in the site's timezone; a date column with a separate time column
(``published_time``) gives the minute.  A date that could be read two ways (``03/04/2024``) is
refused with what to write instead, never guessed.
"""

from __future__ import annotations

import email.utils
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from urllib.parse import urlsplit

from ..dump import Dump, Record, is_visible

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading", "name", "标题", "题目", "新闻标题"),
    "outlet": (
        "outlet",
        "source",
        "media",
        "publisher",
        "site",
        "sitename",
        "sourcename",
        "publication",
        "来源",
        "媒体",
        "媒体名称",
        "发布媒体",
        "来源媒体",
    ),
    "published": (
        "published",
        "date",
        "pubdate",
        "publishedat",
        "publishdate",
        "publishedtime",
        "datetime",
        "time",
        "created",
        "createdat",
        "日期",
        "时间",
        "发布时间",
        "发布日期",
    ),
    "body": (
        "text",
        "body",
        "content",
        "summary",
        "description",
        "excerpt",
        "abstract",
        "article",
        "正文",
        "内容",
        "摘要",
        "全文",
    ),
    "published_time": ("time", "timeofday", "hour", "时间", "时刻"),
    "url": ("url", "link", "href", "articleurl", "permalink", "链接", "网址", "原文链接"),
    "archive_url": ("archiveurl", "archive", "archivelink", "存档", "存档链接", "快照"),
    "keyword": ("keyword", "query", "searchterm", "关键词", "检索词"),
}
"""Field -> the column names that mean it, folded as `fold_name` does."""

REQUIRED = ("title", "outlet", "published")
_CLOCK = re.compile(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?(?:\s*([AaPp][Mm]))?")
_CUT_MARK = re.compile(r"\s*…?\s*\[\+\d+ char(?:acter)?s\]\s*$")
"""How news APIs mark a body cut short (``… [+2817 chars]``): an excerpt, as ``...`` is in a dump."""


def fold_name(name: str) -> str:
    """A column name as it is compared: width and case folded, separators and spaces dropped."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return re.sub(r"[\s_\-.:/()]+", "", text.replace("\ufeff", ""))


@dataclass
class Columns:
    """Which column (by name as written) holds each field."""

    found: dict[str, str]  # field -> column name in the file

    @classmethod
    def match(cls, names: list[str], mapping: dict[str, str]) -> Columns:
        """``mapping`` (field -> column, from ``--map``) wins over the aliases."""
        folded = {}
        for name in names:
            folded.setdefault(fold_name(name), name)
        found: dict[str, str] = {}
        for field_name, column in mapping.items():
            if fold_name(column) in folded:
                found[field_name] = folded[fold_name(column)]
        taken = set(found.values())
        for field_name, aliases in FIELD_ALIASES.items():
            if field_name in found:
                continue
            for alias in aliases:
                column = folded.get(alias)
                if column is not None and column not in taken:
                    found[field_name] = column
                    taken.add(column)
                    break
        return cls(found)

    def missing(self) -> list[str]:
        return [f for f in REQUIRED if f not in self.found]


def parse_mapping(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["title=Headline X", …]`` -> {field: column}; ValueError names a bad item."""
    out: dict[str, str] = {}
    for item in items:
        field_name, sep, column = item.partition("=")
        field_name = field_name.strip()
        if not sep or not column.strip():
            raise ValueError(f"--map {item!r}: expected FIELD=COLUMN, e.g. title=Headline")
        if field_name not in FIELD_ALIASES:
            raise ValueError(
                f"--map {item!r}: unknown field {field_name!r} (known: {', '.join(FIELD_ALIASES)})"
            )
        out[field_name] = column.strip()
    return out


def missing_columns_message(columns: Columns, names: list[str]) -> str:
    need = ", ".join(f"{f} (e.g. {', '.join(FIELD_ALIASES[f][:3])})" for f in columns.missing())
    return (
        f"no column for {need}; the columns are {', '.join(repr(n) for n in names)}: "
        "rename them or name them with --map FIELD=COLUMN"
    )


# -- values -------------------------------------------------------------------------
def text_value(value: object) -> str:
    """A cell or JSON value as one piece of text; a JSON object gives its ``name`` (NewsAPI's source)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if isinstance(value, list):
        value = " ".join(text_value(v) for v in value)
    text = str(value)
    m = re.fullmatch(r'\s*="(.*)"\s*', text, re.S)  # Excel's way of keeping a cell text: ="0123"
    if m:
        text = m.group(1).replace('""', '"')
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def check_url(value: str) -> str | None:
    """None when ``value`` is an absolute http(s) URL, else what was expected."""
    parts = urlsplit(value)
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not re.search(r"\s", value):
        return None
    return f"{value[:60]!r} is not a web address: expected one starting with http:// or https://"


_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?",
    re.I,
)
_CJK_OR_SLASH = re.compile(
    r"(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[ T]?\s*(\d{1,2})\s*[:：时]\s*(\d{2})\s*分?(?:\s*[:：]\s*(\d{2})\s*秒?)?)?"
)
_DMY = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([AaPp][Mm])?")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_MONTH_NAME = r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_EN_MDY = re.compile(
    _MONTH_NAME + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})"
    r"(?:,?\s+(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?)?",
    re.I,
)
_EN_DMY = re.compile(
    r"(?P<d>\d{1,2})\s+" + _MONTH_NAME + r",?\s+(?P<y>\d{4})"
    r"(?:,?\s+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?)?",
    re.I,
)
_EMAIL = re.compile(  # RFC 2822 as RSS writes it; "8:15 PM" is English, read by _EN_DMY
    r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:\s*(?:[+-]\d{4}|(?![AaPp][Mm]\b)[A-Za-z]{1,5}))?"
)
_EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_when(text: str, tz: tzinfo) -> tuple[datetime, str] | str:
    """(aware datetime, precision "day" | "minute" | "second") or what was expected.
    Seconds of ``:00`` (what feeds and APIs always write) give a minute.

    Tried in order: ISO 8601, ``2024/5/17`` and ``2024年5月17日 10:30``, e-mail style
    (``Fri, 17 May 2024 10:30:00 +0800``, RSS), English month names, day/month/year
    when only one reading is a date, a spreadsheet's serial day number, and Unix time
    (seconds or milliseconds since 1970, as APIs give it: UTC)."""
    raw = text
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return "no publication date"
    for reader in DATE_READERS:
        got = reader(text, tz)
        if got is not None:
            return got
    return (
        f"unreadable date {raw[:40]!r}: expected e.g. 2024-05-17, 2024-05-17 10:30, "
        "2024年5月17日, 17 May 2024 or 2024-05-17T10:30:00+08:00"
    )


def _make(tz: tzinfo, y, mo, d, h=None, mi=None, s=None, zone=None) -> tuple[datetime, str] | str:
    try:
        zone_info = tz if zone is None else _zone(zone)
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0), tzinfo=zone_info)
    except ValueError as exc:
        return f"impossible date {y}-{mo}-{d}: {exc}"
    return dt, "second" if s and int(s) else "minute" if h is not None else "day"


def _zone(text: str) -> tzinfo:
    if text.upper() == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _read_iso(text: str, tz: tzinfo):
    m = _ISO.fullmatch(text)
    return _make(tz, *m.groups()) if m else None


def _read_cjk(text: str, tz: tzinfo):
    m = _CJK_OR_SLASH.fullmatch(text)
    return _make(tz, *m.groups()) if m else None


def _read_email(text: str, tz: tzinfo):
    if not _EMAIL.fullmatch(text):
        return None
    try:
        dt = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if dt.tzinfo is None:  # "-0000": the zone is unknown; the site's is the best reading
        dt = dt.replace(tzinfo=tz)
    return dt, "second" if dt.second else "minute"


def _read_english(text: str, tz: tzinfo):
    m = _EN_MDY.fullmatch(text) or _EN_DMY.fullmatch(text)
    if m is None:
        return None
    g = m.groupdict()
    hour = g["h"]
    if hour is not None and g["ap"]:
        h = int(hour) % 12 + (12 if g["ap"].lower().startswith("p") else 0)
        hour = str(h)
    return _make(tz, g["y"], _MONTHS[g["mon"].lower()[:3]], g["d"], hour, g["mi"], g["s"])


def _read_dmy(text: str, tz: tzinfo):
    m = _DMY.fullmatch(text)
    if m is None:
        return None
    a, b, y, h, mi, s, ap = m.groups()
    if h is not None and ap:
        h = str(int(h) % 12 + (12 if ap.lower() == "pm" else 0))
    first, second = int(a), int(b)
    if first <= 12 and second <= 12 and first != second:
        return (
            f"ambiguous date {text!r}: day/month or month/day? "
            "write it as YYYY-MM-DD (e.g. format the column as a date in the spreadsheet)"
        )
    day, month = (first, second) if first > 12 or first == second else (second, first)
    return _make(tz, y, month, day, h, mi, s)


def _read_serial(text: str, tz: tzinfo):
    """Excel stores dates as days since 1899-12-30; a CSV written without formatting shows them."""
    m = re.fullmatch(r"(\d{5})(\.\d+)?", text)
    if m is None or not 20000 <= int(m.group(1)) <= 80000:
        return None
    days = float(text)
    dt = _EXCEL_EPOCH + timedelta(days=days)
    if m.group(2) is None:
        return dt.replace(tzinfo=tz), "day"
    dt = (dt + timedelta(seconds=30)).replace(second=0, microsecond=0)  # the float's rounding
    return dt.replace(tzinfo=tz), "minute"


def make_record(
    values: dict[str, object], dump: Dump, tz: tzinfo, line: int, unit: str = "line"
) -> Record | str:
    """A record from field -> value, or what is wrong with it (the row is then skipped)."""
    text = {k: text_value(v) for k, v in values.items()}
    missing = [f for f in REQUIRED if not is_visible(text.get(f, ""))]
    if missing:
        return f"no {' and no '.join(missing)}: expected a value in every row for {', '.join(REQUIRED)}"
    when = parse_when(text["published"], tz)
    clock = _CLOCK.fullmatch(text.get("published_time", ""))
    if clock and not isinstance(when, str) and when[1] == "day":  # a date column and a time column
        h, m, sec, ap = clock.groups()
        hour = int(h) % 12 + (12 if ap.lower() == "pm" else 0) if ap else int(h)
        day = when[0]
        when = _make(day.tzinfo or tz, day.year, day.month, day.day, hour, m, sec)
    if isinstance(when, str):
        return when
    urls: dict[str, str | None] = {}
    for key in ("url", "archive_url"):
        value = text.get(key) or None
        if value is not None:
            wrong = check_url(value)
            if wrong:
                return f"{key}: {wrong}"
        urls[key] = value
    return Record(
        title=" ".join(text["title"].split()),
        outlet=" ".join(text["outlet"].split()),
        published=when[0],
        precision=when[1],
        body=_CUT_MARK.sub("…", text.get("body", "")),
        keyword=text.get("keyword") or dump.keyword,
        path=dump.path,
        line=line,
        url=urls["url"],
        archive_url=urls["archive_url"],
        unit=unit,
    )


def _read_epoch(text: str, tz: tzinfo):
    """Unix time, 10 digits (seconds) or 13 (milliseconds): 2001-09-09 to 2286, in UTC."""
    if re.fullmatch(r"\d{10}|\d{13}", text) is None:
        return None
    dt = datetime.fromtimestamp(int(text[:10]), UTC)
    return dt, "second" if dt.second else "minute"


DATE_READERS = (_read_iso, _read_cjk, _read_email, _read_english, _read_dmy, _read_serial, _read_epoch)
"""The forms `parse_when` tries, in order: the first that recognises the text decides."""
