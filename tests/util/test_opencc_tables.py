"""`sitegen.util.opencc_tables`: OpenCC's tables as one character to one other character."""

from __future__ import annotations

from sitegen.util.opencc_tables import dictionary, one_to_one


def test_only_one_character_to_another_is_kept_with_its_first_choice() -> None:
    table = one_to_one("TSCharacters.txt")
    assert table["軍"] == "军" and table["後"] == "后" and table["發"] == "发"
    assert all(len(k) == 1 and len(v) == 1 and k != v for k, v in table.items())
    raw = (dictionary() / "TSCharacters.txt").read_text(encoding="utf-8")
    many = [line.split("\t") for line in raw.splitlines() if " " in line.partition("\t")[2]]
    assert many, "the table has entries with several choices"
    for source, targets in many:
        if len(source) == 1 and len(targets.split(" ")[0]) == 1 and source != targets.split(" ")[0]:
            assert table[source] == targets.split(" ")[0]
    assert "军" not in table  # a Simplified character folds to nothing else
