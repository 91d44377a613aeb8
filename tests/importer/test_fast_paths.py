"""Import's shortcuts change nothing but the time: every one of them against the plain way.

* per-word memos in relevance (each distinct token judged once per dump);
* segmentation: each distinct jieba block cut once, whole texts from the cache,
  keyed on the words added to jieba's dictionary too;
* pages written with one flush to disk for all of them;
* a generated dump imported with every shortcut and with none gives the same bytes
  (libyaml's emitter against PyYAML's is compared in test_frontmatter_dump.py).
* segmentation: each distinct jieba block cut once, whole texts from the cache,
  keyed on the words added to jieba's dictionary too;
* a generated dump imported with every shortcut and with none gives the same bytes.
"""

from __future__ import annotations

import importlib.util
import math
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.config import load_config
from sitegen.core import frontmatter
from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.passages import paragraph_at, paragraphs
from sitegen.extract.relevance import _chinese_salience, judge
from sitegen.extract.rules import Rules
from sitegen.extract.temporal import find as temporal
from sitegen.extract.temporal.rules import RULES
from sitegen.extract.temporal.scan import Scanner
from sitegen.extract.words import CJK_WORD, SUBJECT_TAGS, Words, general_idf, tag_of
from sitegen.importer.run import Options, run_import
from sitegen.util import fsutil, segment
from sitegen.util.cache import CACHE_DIR, Cache
from sitegen.util.segment import cut, cut_many

REPO = Path(__file__).resolve().parent.parent.parent

TEXTS = [
    "临江市滨河化工厂仓库发生火灾，消防支队赶到。化工厂负责人王立新被警方带走。",
    "临江市滨河化工厂仓库发生火灾，消防支队赶到。另据报道，2024年5月17日晚8时许，现场浓烟滚滚。",
    "The plant in Linjiang caught fire on May 17; 3 workers were hurt.\r\nPM2.5 readings rose.",
    "  空格 与\t制表符\n\n换行、标点……“引号”（括号）100%、3.5亿元、C++、#话题#、a_b-c.d ",
    "",
    "😀表情和\u3000全角空格，以及ｆｕｌｌｗｉｄｔｈ字母",
]


# -- relevance: per-word memos --------------------------------------------------------
def _salience_token_by_token(words: Words, lexicon) -> Counter[str]:
    """The subject weights counted one token at a time (the way before the memo)."""
    idf, median = general_idf()
    counts: Counter[str] = Counter()
    for tok in words.tokens:
        if not CJK_WORD.match(tok) or not lexicon.is_content(tok):
            continue
        if not tag_of(tok).startswith(SUBJECT_TAGS) and tok in idf:
            continue
        counts[lexicon.canonical(tok)] += 1
    return Counter(
        {w: (1 + math.log(n)) * idf.get(w, median) for w, n in counts.items() if not lexicon.is_keyword(w)}
    )


def test_subject_weights_and_their_order_are_those_of_counting_token_by_token() -> None:
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "火灾")
    memo: dict[str, str | None] = {}
    for text in TEXTS * 2:  # the second round reads every word from the memo
        words = Words.of(text)
        expected = _salience_token_by_token(words, lexicon)
        got = _chinese_salience(Counter(words.tokens), lexicon, memo)
        assert list(got.items()) == list(expected.items())  # same order: ties break alike
        assert got.most_common() == expected.most_common()
    assert memo


def test_judging_twice_with_one_lexicon_gives_the_same_subjects() -> None:
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "火灾")
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(TEXTS)}
    first = judge(docs, lexicon, Rules())
    again = judge(docs, lexicon, Rules())  # memos filled by the first run
    assert first == again
    fresh = judge(docs, make_lexicon(SiteData(), gazetteer(SiteData()), "火灾"), Rules())
    assert fresh == first


# -- segmentation -----------------------------------------------------------------------
def test_cutting_block_by_block_is_cutting_the_whole_text() -> None:
    texts = TEXTS * 3 + [t[::-1] for t in TEXTS]
    assert segment._cut_by_block(texts, True) == [cut(t) for t in texts]
    assert segment._cut_by_block(texts, False) == [cut(t, hmm=False) for t in texts]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(
                    ["化工厂", "火灾", "，", "。", " ", "\n", "\r\n", "2024", "年", "A", "+", "#"]
                ),
                st.text(max_size=4),
            ),
            max_size=12,
        ).map("".join),
        max_size=6,
    )
)
def test_fuzz_block_cutting_equals_jieba(texts: list[str]) -> None:
    assert segment._cut_by_block(texts, True) == [cut(t) for t in texts]


def test_search_mode_cut_block_by_block_is_search_mode_on_the_whole_text() -> None:
    texts = TEXTS * 3 + [t[::-1] for t in TEXTS] + ["化工厂" * 200 + "发生火灾"]  # one run past MAX_RUN
    memo: dict[str, list[str]] = {}
    assert [segment.cut_for_search(t, memo=memo) for t in texts] == [segment.cut_for_search(t) for t in texts]
    assert memo  # the blocks were remembered, and the repeats read from the memo


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(["化工厂", "火灾", "负责人", "，", " ", "2024", "年", "A", "+"]),
                st.text(max_size=4),
            ),
            max_size=12,
        ).map("".join),
        max_size=6,
    )
)
def test_fuzz_search_mode_block_cutting_equals_jieba(texts: list[str]) -> None:
    memo: dict[str, list[str]] = {}
    assert [segment.cut_for_search(t, memo=memo) for t in texts] == [segment.cut_for_search(t) for t in texts]


def test_a_full_block_memo_still_cuts_everything(monkeypatch) -> None:
    monkeypatch.setattr(segment, "MEMO_BLOCKS", 1)
    assert segment._cut_by_block(TEXTS * 2, True) == [cut(t) for t in TEXTS * 2]


def test_words_of_many_equals_words_of_with_and_without_a_cache(tmp_path) -> None:
    expected = [Words.of(t) for t in TEXTS]
    assert Words.of_many(TEXTS) == expected
    with Cache(tmp_path) as cache:
        assert Words.of_many(TEXTS, cache) == expected
    with Cache(tmp_path) as cache:
        assert Words.of_many(TEXTS, cache) == expected  # every text a hit


def test_a_word_added_to_jieba_changes_the_cache_key(tmp_path, monkeypatch) -> None:
    """The site's names are added to jieba one by one; segmentation cached before must not be reused."""
    monkeypatch.setattr(segment, "_changes", list(segment._changes))
    name = "铱铼锇钌"  # invented: no other test's text holds it
    text = f"{name}公司发布公告，{name}回应质疑。"
    with Cache(tmp_path) as cache:
        before = cut_many([text], cache=cache)[0]
    assert name not in before
    version = segment.dictionary_version()
    segment.add_word(name, tag="nt")
    assert segment.dictionary_version() != version
    with Cache(tmp_path) as cache:
        after = cut_many([text], cache=cache)[0]
    assert after == cut(text)
    assert name in after


# -- a whole import, with every shortcut and with none ------------------------------------
def _generated_dump(path: Path, records: int) -> Path:
    spec = importlib.util.spec_from_file_location("gen_dump", REPO / "bench" / "gen_dump.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_dump"] = module  # dataclasses look their module up there
    try:
        spec.loader.exec_module(module)
        return module.write_dump(path, records, seed=3)
    finally:
        sys.modules.pop("gen_dump", None)


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _plain_ways(m: pytest.MonkeyPatch) -> None:
    """Every shortcut that can be switched off, off."""
    m.setenv("SITEGEN_CACHE", "off")
    m.setattr(frontmatter, "USE_LIBYAML", False)
    m.setattr(segment, "_cut_by_block", lambda texts, hmm: [segment.jieba().lcut(t, HMM=hmm) for t in texts])
    m.setattr(
        temporal,
        "_rules_for",
        lambda code: tuple((r, Scanner(r.pattern, ())) for r in RULES if not code or r.lang in ("any", code)),
    )


def test_a_generated_dump_imports_to_the_same_bytes_with_and_without_the_shortcuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dump = _generated_dump(tmp_path / "dump.txt", 300)
    sites = {name: tmp_path / name for name in ("plain", "fast", "warm")}
    for root in sites.values():
        (root / "content").mkdir(parents=True)
    with monkeypatch.context() as m:
        _plain_ways(m)
        run_import(load_config(sites["plain"]), [dump])
    monkeypatch.setenv("SITEGEN_CACHE", "on")
    run_import(load_config(sites["fast"]), [dump])
    shutil.copytree(sites["fast"] / CACHE_DIR, sites["warm"] / CACHE_DIR)

    def must_not_run(*args: object) -> None:
        raise AssertionError("computed although the cache holds it")

    with monkeypatch.context() as m:  # a warm cache: nothing is cleaned or segmented again
        m.setattr("sitegen.importer.sources.clean_body", must_not_run)
        m.setattr(segment, "_cut_by_block", must_not_run)
        report = run_import(load_config(sites["warm"]), [dump])
    assert len(report.sources) > 250 and report.extraction.events
    expected = _tree(sites["plain"] / "content")
    assert len(expected) > 300
    for name in ("fast", "warm"):
        assert _tree(sites[name] / "content") == expected, name


# -- writing pages: one flush for all -----------------------------------------------------------
def test_atomic_write_many_writes_replaces_and_creates_folders(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.md").write_text("old", encoding="utf-8")
    synced = []
    monkeypatch.setattr(fsutil.os, "sync", lambda: synced.append(1))
    seen = []
    fsutil.atomic_write_many(
        [(tmp_path / "a.md", "新的"), (tmp_path / "sub" / "b.md", b"bytes")], lambda n: seen.append(n)
    )
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "新的"
    assert (tmp_path / "sub" / "b.md").read_bytes() == b"bytes"
    assert seen == [1, 1]
    assert synced == ([1] if sys.platform.startswith("linux") else [])
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.md", "b.md"]


def test_where_one_sync_is_no_barrier_each_file_is_flushed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(fsutil.sys, "platform", "darwin")
    flushed = []
    real = fsutil.os.fsync
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: flushed.append(fd) or real(fd))
    monkeypatch.setattr(fsutil.os, "sync", lambda: pytest.fail("sync is no barrier here"))
    fsutil.atomic_write_many([(tmp_path / f"{i}.md", str(i)) for i in range(3)])
    assert len(flushed) == 3


def test_a_failure_while_writing_changes_no_page_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("old", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    with pytest.raises(OSError):
        fsutil.atomic_write_many([(tmp_path / "a.md", "new"), (tmp_path / "blocker" / "b.md", "x")])
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "old"  # renamed only once all are written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "blocker"]


def _dead_pid() -> int:
    """The id of a process that has ended (what a killed writer's temporary files carry)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_atomic_write_many_names_its_temporary_files_by_process_for_remove_orphans(tmp_path: Path) -> None:
    gone = _dead_pid()
    names = [
        f".x.md.{gone}-k2j4h1x9.tmp",
        f".x.md.{os.getpid()}-abc_1234.tmp",
        "x.md",
        ".notes.md",
        "x.md.tmp",
    ]
    for name in names:
        (tmp_path / name).write_text("", encoding="utf-8")
    assert fsutil.remove_orphans(tmp_path) == [tmp_path / names[0]]  # this process's own file is kept
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[1:])


def test_remove_orphans_of_one_file_stays_in_its_folder_and_spares_other_files(tmp_path: Path) -> None:
    gone = _dead_pid()
    mine = tmp_path / f"..manifest.json.{gone}-aaaa1111.tmp"
    other = tmp_path / f".page.md.{gone}-bbbb2222.tmp"
    deeper = tmp_path / "sub" / f"..manifest.json.{gone}-cccc3333.tmp"
    deeper.parent.mkdir()
    for p in (mine, other, deeper):
        p.write_text("", encoding="utf-8")
    assert fsutil.remove_orphans(tmp_path, ".manifest.json") == [mine]
    assert other.exists() and deeper.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="one sync for all pages on Linux only")
def test_a_killed_import_leaves_pages_whole_and_the_next_removes_its_temporary_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between writing the new pages and renaming them: old pages intact, litter cleaned."""
    dump = _generated_dump(tmp_path / "dump.txt", 40)
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    monkeypatch.setenv("SITEGEN_CACHE", "off")
    run_import(load_config(root), [dump])
    before = _tree(root / "content")
    for path in (root / "content" / "sources").glob("*.md"):
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # import will update
    edited = _tree(root / "content")

    class Killed(BaseException):
        pass

    def killed_before_renaming() -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(fsutil.os, "sync", killed_before_renaming)
        m.setattr(fsutil.os, "unlink", lambda path: None)  # a killed process cleans nothing up
        with pytest.raises(Killed):
            run_import(load_config(root), [], Options(force=True))
    litter = list((root / "content").rglob("*.tmp"))
    assert litter  # the new pages, never renamed
    gone = _dead_pid()
    for p in litter:  # as if left by the killed process, not by this one
        p.rename(p.with_name(p.name.replace(f".{os.getpid()}-", f".{gone}-")))
    pages = {k: v for k, v in _tree(root / "content").items() if k.endswith(".md")}
    assert pages == {k: v for k, v in edited.items() if k.endswith(".md")}
    run_import(load_config(root), [], Options(force=True))
    assert not list((root / "content").rglob("*.tmp"))
    assert _tree(root / "content") == before


# -- finding a quote's paragraph without splitting the whole text ---------------------------------
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 中。\n\t\u3000")), max_size=30))
def test_paragraph_at_is_the_paragraph_holding_the_offset(text: str) -> None:
    for offset in range(-1, len(text) + 2):
        expected = next((p for p in paragraphs(text) if offset in p), None)
        assert paragraph_at(text, offset) == expected, (text, offset)
