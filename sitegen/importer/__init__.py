"""``sitegen import``: dumps in, pages out, a person's edits never overwritten
(the ledger records what import itself wrote)."""
