"""From articles to events: what happened, when, and who reported it.

`extract` is the one entry point the importer calls.  It receives the cleaned
sources (in a stable order) and returns the events, which sources are off
topic, and for ``--explain`` the reasons behind every event.

The stages, one module each:

1. `words`      - segment every source once (jieba), content words, POS;
2. `relevance`  - sources that share no subject with the rest are off topic;
3. `candidates` - sentences reporting something at a resolved time
                  (dates from `temporal`, one paragraph at a time);
4. `merge`      - candidates reporting the same happening become one event,
                  blocked by date; `dating` settles the event's date;
5. `titles`, `entities` - title, summary, people and tags, from the quotes;
6. `events`     - assemble `Event` pages with ids, notes and explanations.

`reuse` keeps the whole result in the site's cache: a re-import whose
sources, settings, data files and code are unchanged does not extract again.
"""

from .extraction import Extraction
from .run import extract

__all__ = ["Extraction", "extract"]
