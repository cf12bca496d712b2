"""A project with a media folder, and the lesson line that media references are put into."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.helpers import project_here

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect/></svg>\n'
BODY = "    body: Harga jual = HPP + margin.\n"
"""The line of the lesson 'harga-jual' (line 23 of harga.yml) that references are put into."""
SECRET = "RAHASIA-DI-LUAR-KONTEN"  # noqa: S105 - a file that must not leak, not a password


def media_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with a media folder, a secret file beside the content, the working directory."""
    root = project_here(tmp_path, monkeypatch)
    folder = media(root)
    folder.mkdir()
    (folder / "koin.svg").write_bytes(SVG)
    (folder / "tidak-dipakai.svg").write_bytes(SVG)
    (tmp_path / "rahasia.txt").write_text(SECRET)
    return root


def lesson_body(project: Path, body: str) -> None:
    """Put ``body`` (a YAML scalar) in place of the lesson body of 'harga-jual'."""
    module = project / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    assert BODY in text
    module.write_text(text.replace(BODY, f"    body: {body}\n"), encoding="utf-8")


def media(project: Path) -> Path:
    """The media folder of ``contoh``."""
    return project / "content" / "contoh" / "media"
