"""A build killed at any moment leaves the old or the new site, complete, at the target.

``berdaya build`` runs as a real process and gets SIGKILL at random moments
(seeded, so a failure repeats), alternating between two versions of the
content whose sites are known byte for byte. After every kill the site folder
must be exactly one of the two. Then kills at the swap itself: right before and
right after the atomic exchange, and between the two renames of the fallback
(which the next run must repair).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support.helpers import FIXTURES, make_project

pytestmark = pytest.mark.slow

CONTOH = FIXTURES / "mini" / "contoh"
KILLS = 20
LESSON = "    title: Harga pokok produksi\n"


def snapshot(site: Path) -> dict[str, str] | None:
    if not site.is_dir():
        return None
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


class Project:
    """A project with two versions of its content, A and B, built by a real process."""

    def __init__(self, root: Path) -> None:
        self.root = make_project(root, CONTOH)
        self.module = self.root / "content" / "contoh" / "modules" / "harga.yml"
        self.text_a = self.module.read_text(encoding="utf-8")
        assert self.text_a.count(LESSON) == 1
        self.text_b = self.text_a.replace(LESSON, "    title: Harga pokok produksi (HPP)\n")
        self.env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
        self.site = self.root / "site"

    def use(self, version: str) -> None:
        self.module.write_text(self.text_a if version == "A" else self.text_b, encoding="utf-8")

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, *args] if args else [sys.executable, "-m", "generator.cli", "build"],
            cwd=self.root,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def build(self) -> float:
        started = time.monotonic()
        assert self.start().wait(timeout=120) == 0
        return time.monotonic() - started

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.name.startswith(".site"))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> tuple[Project, dict[str, dict[str, str]]]:
    built = Project(tmp_path_factory.mktemp("kill") / "proyek")
    versions = {}
    for version in ("B", "A"):
        built.use(version)
        built.build()
        site = snapshot(built.site)
        assert site is not None
        versions[version] = site
    assert versions["A"] != versions["B"]
    return built, versions


def test_a_build_killed_at_random_moments_leaves_a_complete_site(
    project: tuple[Project, dict[str, dict[str, str]]],
) -> None:
    built, versions = project
    built.use("B")
    duration = built.build()
    rng = random.Random(20261207)  # noqa: S311 - moments, not secrets
    seen = {"A": 0, "B": 0}
    for _ in range(KILLS):
        now = next(v for v, site in versions.items() if site == snapshot(built.site))
        built.use("A" if now == "B" else "B")
        process = built.start()
        time.sleep(rng.uniform(0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        after = snapshot(built.site)
        found = [v for v, site in versions.items() if site == after]
        assert found, f"after a kill the site is neither A nor B: {sorted(after or {})[:5]}"
        seen[found[0]] += 1
    assert sum(seen.values()) == KILLS
    built.build()
    assert built.leftovers() == [], "the next run removes what the kills left"


SWAP_KILL = """
import os, signal, sys
from generator import cli
from generator.outputs import guard
real = guard._exchange
where = sys.argv[1]

def exchange(first, second):
    if where == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    done = real(first, second)
    if where == "after":
        os.kill(os.getpid(), signal.SIGKILL)
    return done

def fallback_rename(self, target, _rename=guard.Path.rename):
    result = _rename(self, target)
    if self.name == "site":  # the old site moved aside, the new one not yet in place
        os.kill(os.getpid(), signal.SIGKILL)
    return result

if where == "between":
    guard._exchange = lambda first, second: False
    guard.Path.rename = fallback_rename
else:
    guard._exchange = exchange
sys.argv = ["berdaya", "build"]
sys.exit(cli.main())
"""


@pytest.mark.parametrize(("moment", "expected"), [("before", "A"), ("after", "B")])
def test_a_kill_at_the_exchange_leaves_the_old_or_the_new_site(
    project: tuple[Project, dict[str, dict[str, str]]], moment: str, expected: str
) -> None:
    built, versions = project
    built.use("A")
    built.build()
    built.use("B")
    process = built.start("-c", SWAP_KILL, moment)
    assert process.wait(timeout=120) == -signal.SIGKILL
    assert snapshot(built.site) == versions[expected]
    built.build()
    assert snapshot(built.site) == versions["B"]
    assert built.leftovers() == []


def test_a_kill_between_the_fallback_renames_is_repaired_by_the_next_run(
    project: tuple[Project, dict[str, dict[str, str]]],
) -> None:
    built, versions = project
    built.use("A")
    built.build()
    built.use("B")
    process = built.start("-c", SWAP_KILL, "between")
    assert process.wait(timeout=120) == -signal.SIGKILL
    assert not built.site.exists(), "the moment the fallback cannot avoid"
    old = [name for name in built.leftovers() if name.startswith(".site-old-")]
    assert len(old) == 1
    assert snapshot(built.root / old[0]) == versions["A"]
    built.use("A")
    built.build()
    assert snapshot(built.site) == versions["A"]
    assert built.leftovers() == []
