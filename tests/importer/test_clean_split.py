"""Cleaning records on two cores: the same titles and bodies, in order, whatever the split."""

from __future__ import annotations

import pytest

from sitegen.config import load_config
from sitegen.importer import sources
from sitegen.ingest.dump import iter_records, read_dump

from ..conftest import REPO, SEED_DUMP

CONFIG = load_config(REPO)
RECORDS = list(iter_records(read_dump(SEED_DUMP, CONFIG.tz), CONFIG.tz))


def _split(monkeypatch) -> list[str]:
    """Fork even in the test session (it runs threads); the names of the forks made."""
    forks: list[str] = []
    real = sources.start
    monkeypatch.setattr(sources, "SPLIT_AT", 2)
    monkeypatch.setattr(sources, "can_fork", lambda: True)
    monkeypatch.setattr(sources, "start", lambda *a: forks.append(a[1]) or real(*a))
    return forks


@pytest.mark.parametrize("head_start", [0, 5_000, 10**9])
def test_the_child_cleans_more_while_this_process_does_something_else(monkeypatch, head_start) -> None:
    alone = sources.clean_all(RECORDS, CONFIG)
    forks = _split(monkeypatch)
    monkeypatch.setattr(sources, "MEANWHILE_CHARS", head_start)  # none, part of the records, all of them
    calls: list[int] = []
    advanced: list[int] = []
    split = sources.clean_all(RECORDS, CONFIG, advanced.append, meanwhile=lambda: calls.append(1))
    assert forks == ["cleaning records"]
    assert calls == [1]
    assert split == alone
    assert sum(advanced) == len(RECORDS)  # the child's records are counted when they come back


def test_without_a_fork_nothing_is_done_meanwhile(monkeypatch) -> None:
    monkeypatch.setattr(sources, "can_fork", lambda: False)
    calls: list[int] = []
    assert sources.clean_all(RECORDS, CONFIG, meanwhile=lambda: calls.append(1)) == sources.clean_all(
        RECORDS, CONFIG
    )
    assert calls == []  # the model loads when extraction first asks for it


def test_the_model_is_worth_loading_early_when_records_are_in_two_languages() -> None:
    zh = [r for r in RECORDS if sources.detect_lang(r.body) == "zh"]
    en = [r for r in RECORDS if sources.detect_lang(r.body) == "en"]
    assert zh and en  # the seed is bilingual (its English bodies under Chinese headlines)
    assert sources.in_two_languages(RECORDS)
    assert not sources.in_two_languages(zh)
    assert not sources.in_two_languages(en)
    assert not sources.in_two_languages([])


def test_the_model_loads_meanwhile_only_for_many_records_that_will_need_it(monkeypatch) -> None:
    from sitegen.extract.embed import load_model
    from sitegen.extract.rules import Rules

    zh = [r for r in RECORDS if sources.detect_lang(r.body) == "zh"]
    assert sources.model_meanwhile(RECORDS, Rules()) is None  # ten records: cleaned in one process
    monkeypatch.setattr(sources, "SPLIT_AT", 2)
    assert sources.model_meanwhile(RECORDS, Rules()) is load_model
    assert sources.model_meanwhile(zh, Rules()) is None
    assert sources.model_meanwhile(zh, Rules(vectors_same_language=1)) is load_model
    assert sources.model_meanwhile(RECORDS, Rules(sentence_vectors=0)) is None
