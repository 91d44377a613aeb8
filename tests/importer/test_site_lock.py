"""The site lock and compare-before-write, with real processes on real files.

* a second import waits for the first, naming it (process id, command, since when); with
  ``--no-wait`` it refuses; a holder killed with SIGKILL leaves no lock behind;
* two imports started together leave a site that a further import finds unchanged (0 kept)
  and that ``sitegen check`` accepts;
* pages a person saves while an import runs (after its plan read them, before it writes) are
  kept, reported, and never recorded in the ledger as import's own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.core import frontmatter
from sitegen.importer.run import run_import
from sitegen.util.fsutil import sha256
from sitegen.util.sitelock import lock_path

from ..conftest import REPO
from ..support.serve import running_fixture  # noqa: F401 (the fixture `running`)
from .test_harden_crash import MORE
from .test_import import DUMP, tree

ENV = {**os.environ, "PYTHONPATH": str(REPO)}

HOLDER = """
import sys, time
from pathlib import Path
from sitegen.util.sitelock import exclusive
with exclusive(Path(sys.argv[1]), command="sitegen import holder.txt"):
    print("held", flush=True)
    time.sleep(600)
"""

# An import that stops between its plan and its writing until told to go on: the moment a
# person's save is most likely to be lost.
PAUSED = """
import sys, time
from pathlib import Path
from sitegen.importer import run as importer
from sitegen.config import load_config
ready, go = Path(sys.argv[2]), Path(sys.argv[3])
real = importer.apply
def apply(*args, **kwargs):
    ready.write_text("planned")
    while not go.exists():
        time.sleep(0.02)
    return real(*args, **kwargs)
importer.apply = apply
report = importer.run_import(load_config(sys.argv[1]), [])
print(sum(c.action == "keep-edited" for c in report.changes))
"""


def sitegen(site: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitegen", "--site", str(site), *args],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out + err


def small_site(make_site, tmp_path: Path, name: str = "site") -> tuple[Path, Path, Path]:
    root = make_site(name)
    a, b = tmp_path / f"{name}-a.txt", tmp_path / f"{name}-b.txt"
    a.write_text(DUMP, encoding="utf-8")
    b.write_text(MORE, encoding="utf-8")
    return root, a, b


def test_a_second_import_waits_for_the_first_names_it_and_no_wait_refuses(make_site, tmp_path):
    site, a, _b = small_site(make_site, tmp_path)
    content = site / "content"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(content)], env=ENV, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, out = finish(sitegen(site, "import", "--no-wait", str(a)))
        assert code == 1
        assert f"the site is busy: process {holder.pid} (sitegen import holder.txt) since " in out
        assert not (content / "dumps").exists(), "a refused import changed something"

        waiting = sitegen(site, "import", str(a))
        line = waiting.stderr.readline()
        assert f"waiting for process {holder.pid} (sitegen import holder.txt) since" in line
        time.sleep(0.5)
        assert waiting.poll() is None, "the second import did not wait"
        assert not (content / "dumps").exists()
        holder.send_signal(signal.SIGKILL)  # a holder killed: its lock goes with it
        holder.wait()
        code, out = finish(waiting)
        assert code == 0, out
        assert sorted(p.name for p in (content / "sources").glob("*.md"))
        assert not lock_path(content).exists(), "the lock file outlived the import"
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_a_lock_note_left_by_a_killed_process_does_not_hold_the_site(make_site, tmp_path):
    site, a, _b = small_site(make_site, tmp_path)
    content = site / "content"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(content)], env=ENV, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock_path(content).read_text(encoding="utf-8").startswith(f"{holder.pid} ")  # the stale note
    started = time.monotonic()
    code, out = finish(sitegen(site, "import", "--no-wait", str(a)))
    assert code == 0, out
    assert "waiting" not in out and "busy" not in out
    assert time.monotonic() - started < 60
    assert not lock_path(content).exists()


@pytest.mark.parametrize("trial", [1, 2, 3])
def test_two_imports_at_once_leave_a_site_a_third_import_finds_unchanged(make_site, tmp_path, trial):
    site, a, b = small_site(make_site, tmp_path, f"t{trial}")
    first, second = sitegen(site, "import", str(a)), sitegen(site, "import", str(b))
    (c1, o1), (c2, o2) = finish(first), finish(second)
    assert (c1, c2) == (0, 0), o1 + o2
    assert sorted(p.name for p in (site / "content" / "dumps").iterdir()) == [a.name, b.name]
    before = tree(site / "content")
    code, out = finish(sitegen(site, "import"))
    assert code == 0, out
    assert " 0 created, 0 updated, 0 removed" in out and " 0 kept;" in out, out
    assert "kept:" not in out
    assert tree(site / "content") == before
    code, out = finish(sitegen(site, "check"))
    assert code == 0, out
    assert ": 0 errors" in out


def test_pages_saved_after_the_plan_read_them_are_kept_and_not_recorded_as_imports(make_site, tmp_path):
    """Import wants to rewrite every event page (an older import's text is on disk) and remove
    one source; a person saves all of them between the plan and the writing."""
    site, a, _b = small_site(make_site, tmp_path)
    run_import(load_config(site), [a])
    content = site / "content"
    ledger_path = content / ".sitegen" / "ledger.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    events = sorted((content / "events").glob("*.md"))
    assert len(events) >= 2
    for path in events:  # as an older import wrote them: import will update each
        page = frontmatter.read(path)
        page.data["title"] += "(旧)"
        path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
        ledger["files"][f"events/{path.name}"]["hashes"] = [sha256(path.read_bytes())]
    ledger_path.write_text(json.dumps(ledger, ensure_ascii=False), encoding="utf-8")
    # and the dump loses its English record: import will remove that source page
    dump = content / "dumps" / a.name
    dump.write_text(DUMP.split("Factory fire in Jia City")[0], encoding="utf-8")
    gone = [p for p in (content / "sources").glob("*.md") if "Factory fire" in p.read_text(encoding="utf-8")]
    assert len(gone) == 1

    ready, go = tmp_path / "ready", tmp_path / "go"
    child = subprocess.Popen(
        [sys.executable, "-c", PAUSED, str(site), str(ready), str(go)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not ready.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    mine = {}
    for path in [*events, *gone]:  # the person saves every page import is about to replace or delete
        path.write_text(path.read_text(encoding="utf-8") + "\n编辑在导入时加的一句。\n", encoding="utf-8")
        mine[path] = path.read_bytes()
    go.write_text("go")
    code, out = finish(child)
    assert code == 0, out
    assert int(out.split()[0]) == len(events)
    lost = [p.name for p, data in mine.items() if not p.exists() or p.read_bytes() != data]
    assert lost == []
    recorded = json.loads(ledger_path.read_text(encoding="utf-8"))["files"]
    for path, data in mine.items():
        rel = f"{path.parent.name}/{path.name}"
        assert sha256(data) not in recorded.get(rel, {}).get("hashes", []), (
            f"{rel}: a person's bytes as import's"
        )
    # the next import sees them as hand edits and keeps them
    code, out = finish(sitegen(site, "import"))
    assert code == 0
    assert all(p.read_bytes() == data for p, data in mine.items())
    assert out.count("kept: you edited this page") >= len(events)


def retitle(path: Path, title: str) -> None:
    page = frontmatter.read(path)
    page.data["title"] = title
    path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")


def test_serve_waits_for_an_import_and_rebuilds_once_after_it(running):
    """Pages written while an import holds the site are not shown until it ends; then one rebuild
    shows them all."""
    content = running.root / "content"
    first, second = sorted((content / "events").glob("*.md"))[:2]
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(content)], env=ENV, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        retitle(first, "导入写的第一页")
        running.wait_for_log(lambda line: f"waiting for process {holder.pid}" in line)
        retitle(second, "导入写的第二页")
        time.sleep(0.5)
        _, _, body = running.get(f"/events/{first.stem}.html")
        assert "导入写的第一页".encode() not in body, "a half-imported site was shown"
        after = len(running.logs)
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        running.until(lambda: "导入写的第二页".encode() in running.get(f"/events/{second.stem}.html")[2])
        assert "导入写的第一页".encode() in running.get(f"/events/{first.stem}.html")[2]
        time.sleep(0.5)
        rebuilds = [line for line in running.logs[after:] if "files updated" in line]
        assert len(rebuilds) == 1, running.logs[after:]
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
