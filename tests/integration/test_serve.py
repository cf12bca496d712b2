"""``berdaya serve``: editing YAML regenerates; a broken edit keeps the last good site."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support.helpers import FIXTURES, make_project

from generator.outputs.serve import UNCHANGED


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    project = make_project(tmp_path / "project", FIXTURES / "mini" / "contoh")
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            yield project, f"http://127.0.0.1:{port}", log
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_serve_regenerates_and_keeps_last_good_site(served: tuple[Path, str, Path]) -> None:
    project, url, log = served
    lesson = f"{url}/contoh/harga/hpp/"
    assert _wait_for(lambda: "Harga pokok produksi" in _get(lesson))
    assert (
        "serving the trainer site: guides, answer keys, sheets and results page included; "
        "keep it private\n"
    ) in log.read_text()
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("title: Harga pokok produksi", "title: HPP per bungkus"))
    assert _wait_for(lambda: "HPP per bungkus" in _get(lesson)), log.read_text()

    module.write_text(text.replace("title: Harga pokok produksi", "titel: Rusak"))
    expected = (
        "content/contoh/modules/harga.yml:10:5: error: lessons[0]: "
        "unknown key 'titel' (did you mean 'title'?)"
    )
    assert _wait_for(lambda: expected in log.read_text()), log.read_text()
    time.sleep(1)
    assert "HPP per bungkus" in _get(lesson), "the last good site is still served"
    assert "Traceback" not in log.read_text()


def test_a_rebuild_with_nothing_changed_builds_nothing(served: tuple[Path, str, Path]) -> None:
    project, url, log = served
    lesson = f"{url}/contoh/harga/hpp/"
    assert _wait_for(lambda: "Harga pokok produksi" in _get(lesson))
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text, encoding="utf-8")  # saved without a change
    assert _wait_for(lambda: UNCHANGED in log.read_text()), log.read_text()
    assert log.read_text().count("Building documentation") == 1, "only the first build"

    module.write_text(text.replace("title: Harga pokok produksi", "title: HPP per bungkus"))
    assert _wait_for(lambda: "HPP per bungkus" in _get(lesson)), log.read_text()
    # the build wrote the docs folder's Markdown, which the server sees as a change
    assert _wait_for(lambda: log.read_text().count(UNCHANGED) == 2), log.read_text()
    assert log.read_text().count("Building documentation") == 2, "one build for the edit"
