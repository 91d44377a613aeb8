"""No data loss: `sitegen import` and `sitegen build` killed with SIGKILL at every file-system
step and at random moments never leave a half-written page or site, and the next run ends
exactly where an uninterrupted run would have.

Two kinds of kill:

* **at every step**: a child process counts each ``os.replace``/``os.unlink``/``os.rmdir`` (every
  change import and build make to the disk goes through one) and kills itself with SIGKILL just
  before the k-th, for every k;
* **at random moments** (seeded): the child is killed after a random delay within the time an
  uninterrupted run takes.

After each kill: every page parses, pages a person edited are byte-for-byte as they were,
``public/`` is the old site or the new one (file set and bytes), and a normal run afterwards gives
the same ``content/`` (ledger included) and ``public/`` as a run that was never interrupted, with
no staging folder or temporary file left behind.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitegen.builder import build as run_build
from sitegen.config import load_config
from sitegen.core import frontmatter
from sitegen.importer.run import run_import

from ..conftest import REPO
from .test_import import DUMP, tree

MORE = """化工厂恢复生产
Xin Hua She· 2025-04-01 09:00
4月1日,甲市化工厂恢复生产。
化工厂赔偿方案公布
Peng Pai Xin Wen· 2025-04-03 10:00
4月3日,甲市公布化工厂火灾赔偿方案,三名伤者获赔。
"""

# A child that kills itself just before its k-th change to the disk (k = 0: never; it prints the count).
# The build's forked search child (sitegen.builder.parallel) writes no file; its steps are not counted.
STEPPER = """
import os, signal, sys
k, steps, me = int(sys.argv[1]), [0], os.getpid()
def counted(fn):
    def step(*args, **kwargs):
        if os.getpid() != me:  # the build's search child: computes only (tempfile's probe of /tmp aside)
            return fn(*args, **kwargs)
        steps[0] += 1
        if steps[0] == k:
            os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return step
os.replace, os.unlink, os.rmdir, os.rename = (counted(f) for f in (os.replace, os.unlink, os.rmdir, os.rename))
from sitegen.config import load_config
config = load_config(sys.argv[3])
if sys.argv[2] == "import":
    from sitegen.importer.run import run_import
    run_import(config, [])
else:
    from sitegen.builder import build
    build(config)
print(steps[0])
"""


def child(command: str, site: Path, kill_at: int = 0) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", STEPPER, str(kill_at), command, str(site)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def leftovers(root: Path) -> list[str]:
    """Temporary files and staging or old folders a killed run may leave (removed by the next run)."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob(".*")
        if p.name.endswith(".tmp") or ".staging-" in p.name or ".old-" in p.name
    )


def pages_parse(content: Path) -> None:
    for path in sorted(content.glob("*/*.md")):
        frontmatter.read(path)  # raises on a half-written page


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A site imported and built once, hand-edited, then given a changed dump: the state in
    which the next import (or build) is killed.  Plus what an uninterrupted run makes of it."""
    root = tmp_path_factory.mktemp("crash") / "site"
    (root / "content").mkdir(parents=True)
    (root / "content" / "site.toml").write_text('title = "t"\ntimezone = "Asia/Shanghai"\n', encoding="utf-8")
    incoming = root.parent / "fire-dump.txt"
    incoming.write_text(DUMP, encoding="utf-8")
    run_import(load_config(root), [incoming])
    run_build(load_config(root))
    old_public = tree(root / "public")
    # a person edits one event by hand ...
    edited = sorted((root / "content" / "events").glob("*.md"))[-1]  # the investigators: not the fire, which cites the record dropped below
    page = frontmatter.read(edited)
    page.data["title"] = "编辑改写的标题"
    edited.write_text(frontmatter.dump(page.data, "编辑写的摘要。"), encoding="utf-8")
    # ... and the dump changes: one record gone, one body changed, two records new
    dump = root / "content" / "dumps" / "fire-dump.txt"
    text = DUMP.split("Factory fire in Jia City")[0].replace("火势已得到控制。", "火势已于凌晨得到控制。")
    dump.write_text(text + MORE, encoding="utf-8")
    hand = {edited.name: edited.read_bytes()}
    # what an uninterrupted import and build make of it
    reference = root.parent / "reference"
    shutil.copytree(root, reference)
    report = run_import(load_config(reference), [])
    assert {c.action for c in report.changes} >= {"create", "update", "remove", "keep-edited"}
    run_build(load_config(reference))
    return {
        "root": root,
        "hand": hand,
        "old_public": old_public,
        "content": tree(reference / "content"),
        "public": tree(reference / "public"),
    }


def fresh(before: dict, tmp_path: Path, command: str) -> Path:
    """A copy of the state before the kill; for a build, with the import already done."""
    site = tmp_path / "site"
    shutil.copytree(before["root"], site)
    if command == "build":
        run_import(load_config(site), [])
    return site


def check_after_kill(site: Path, before: dict) -> None:
    content = site / "content"
    pages_parse(content)
    for name, data in before["hand"].items():
        assert (content / "events" / name).read_bytes() == data, "a hand edit was touched"
    public = site / "public"
    assert public.is_dir(), "public/ is gone"
    site_files = {k: v for k, v in tree(public).items()}
    assert site_files in (before["old_public"], before["public"]), (
        "public/ is neither the old site nor the new"
    )


def check_recovers(site: Path, before: dict) -> None:
    run_import(load_config(site), [])
    assert tree(site / "content") == before["content"]
    run_build(load_config(site))
    assert tree(site / "public") == before["public"]
    assert leftovers(site) == []


def steps_of(command: str, site: Path) -> int:
    proc = child(command, site)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return int(out.strip().splitlines()[-1])


@pytest.mark.parametrize("command", ["import", "build"])
def test_killed_before_every_disk_step_loses_nothing(before, tmp_path, command):
    probe = fresh(before, tmp_path / "probe", command)
    total = steps_of(command, probe)
    assert total >= 3
    kills = 0
    for k in range(1, total + 1):
        site = fresh(before, tmp_path / f"k{k}", command)
        proc = child(command, site, kill_at=k)
        proc.communicate(timeout=300)
        assert proc.returncode == -9, f"step {k} of {total} did not kill"
        kills += 1
        check_after_kill(site, before)
        check_recovers(site, before)
        shutil.rmtree(site.parent)
    assert kills == total
    print(f"\n{command}: killed before each of its {total} disk steps")


@pytest.mark.parametrize("command,kills", [("import", 10), ("build", 10)])
def test_killed_at_random_moments_loses_nothing(before, tmp_path, command, kills):
    probe = fresh(before, tmp_path / "probe", command)
    started = time.monotonic()
    steps_of(command, probe)
    duration = time.monotonic() - started
    rng = random.Random(20261125)
    for i in range(kills):
        site = fresh(before, tmp_path / f"r{i}", command)
        proc = child(command, site)
        try:
            proc.wait(timeout=rng.uniform(0.2, 1.0) * duration)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.communicate()
        check_after_kill(site, before)
        check_recovers(site, before)
        shutil.rmtree(site.parent)


# -- the pieces underneath -----------------------------------------------------------------------
def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_two_rename_swap_cut_in_the_middle_is_undone_by_the_next_build(tmp_path):
    """Where folders cannot trade places in one step, a kill between the two renames leaves
    only the old tree under a temporary name: the next build puts it back before anything else."""
    from sitegen.util.fsutil import clean_stale

    public = tmp_path / "public"
    old = tmp_path / f".public.old-{dead_pid()}-abc123"
    old.mkdir()
    (old / "index.html").write_text("old site", encoding="utf-8")
    staging = tmp_path / f".public.staging-{dead_pid()}-def456"
    staging.mkdir()
    (staging / "half.html").write_text("half", encoding="utf-8")
    clean_stale(public)
    assert (public / "index.html").read_text(encoding="utf-8") == "old site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_leftovers_of_a_running_process_are_not_touched(tmp_path):
    """Another import or build still at work (serve and a command line side by side) keeps its
    temporary files and staging folder; only those of dead processes go."""
    from sitegen.util.fsutil import clean_stale, remove_orphans

    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as alive:
        try:
            mine = tmp_path / "events" / f".x.md.{alive.pid}-abc.tmp"
            gone = tmp_path / "events" / f".y.md.{dead_pid()}-abc.tmp"
            staging = tmp_path / f".public.staging-{alive.pid}-xyz"
            for p in (mine, gone):
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text("x", encoding="utf-8")
            staging.mkdir()
            assert remove_orphans(tmp_path) == [gone]
            clean_stale(tmp_path / "public")
            assert mine.exists() and staging.is_dir() and not gone.exists()
        finally:
            alive.kill()
