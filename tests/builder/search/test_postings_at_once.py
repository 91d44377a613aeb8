"""`build_postings` sorts every document's terms into postings at once (numpy); each term's postings
must be what `doc_postings` gives document by document, and the shards written from them the same."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.builder.search.index import (
    TF_BITS,
    Doc,
    average,
    build_postings,
    doc_postings,
    norm,
)
from sitegen.builder.search.shards import all_deltas

TEXT = st.text(alphabet="新闻发布会营销ＧＰＴ４gpt 2026，。,-\n", max_size=30)
FACET = st.sampled_from(["o:新闻", "t:营销", "p:张三", "t:营销", "新闻"])  # repeats; one named like a term
DOC = st.builds(
    Doc,
    st.lists(st.tuples(st.sampled_from([1.0, 1.5, 2.0, 3.0]), TEXT), max_size=4),
    st.lists(FACET, max_size=4),
    TEXT,
)


def _one_at_a_time(groups: list[list[Doc]]) -> tuple[dict[str, list[int]], list[float], Counter, list[float]]:
    """The postings as `doc_postings` has them, appended one posting at a time."""
    terms: dict[str, list[int]] = {}
    spoken: Counter = Counter()
    norms: list[float] = []
    lengths: list[float] = []
    number = 0
    for docs in groups:
        mine = []
        for doc in docs:
            found, length = doc_postings(doc, spoken)
            mine.append(length)
            for term, twice in found.items():
                terms.setdefault(term, []).append((number << TF_BITS) + twice)
            number += 1
        avg = average(mine)
        norms.extend(norm(n, avg) for n in mine)
        lengths.extend(mine)
    return terms, norms, spoken, lengths


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(DOC, max_size=6), min_size=1, max_size=3))
def test_the_postings_sorted_at_once_are_those_of_each_document_in_turn(groups):
    postings = build_postings(groups)
    terms, norms, spoken, lengths = _one_at_a_time(groups)
    assert {t: v.tolist() for t, v in postings.terms.items()} == terms
    assert list(postings.terms) == list(terms)  # terms in the order they are first met
    assert (postings.norms, postings.lengths, postings.spoken) == (norms, lengths, spoken)
    written = all_deltas(postings)
    assert {t: written(t) for t in terms} == {t: all_deltas_of_lists(terms, norms)(t) for t in terms}


def all_deltas_of_lists(terms: dict[str, list[int]], norms: list[float]):
    from array import array

    from sitegen.builder.search.index import Postings

    return all_deltas(Postings({t: array("i", v) for t, v in terms.items()}, norms, Counter()))


def test_a_facet_named_like_a_term_is_a_facet_and_a_repeated_one_counts_once():
    from sitegen.builder.search.index import TF_MASK

    doc = Doc([(1.0, "新闻")], ["新闻", "o:x", "o:x"])
    postings = build_postings([[doc]])
    assert postings.terms["新闻"].tolist() == [TF_MASK]
    assert postings.terms["o:x"].tolist() == [TF_MASK]
    assert postings.terms["新"].tolist() == [2]  # frequency 1, twice


def test_a_frequency_past_the_cap_is_written_at_the_cap():
    from sitegen.builder.search.index import TF_MASK

    doc = Doc([(3.0, "ab")], [], "ab, " * 1100)
    postings = build_postings([[Doc([], [], "cd")], [doc]])
    assert postings.terms["ab"].tolist() == [(1 << TF_BITS) + TF_MASK - 1]
    assert postings.terms["ab"].tolist() == [(1 << TF_BITS) + doc_postings(doc, Counter())[0]["ab"]]
