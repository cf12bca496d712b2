"""The stamp of a build: digests of what it read, by bytes, and the messages it logged."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from support.helpers import CONTOH, make_project

from generator.outputs import stamp
from generator.outputs.mkdocs_site import load


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "one.yml").write_text("id: one\n", encoding="utf-8")
    (folder / "two.yml").write_text("id: two\n", encoding="utf-8")
    return folder


def test_a_folder_digest_follows_bytes_and_names_not_times(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    first = stamp.folder_digest([folder])
    os.utime(folder / "two.yml", (1, 1))
    assert stamp.folder_digest([folder]) == first, "a touched file is the same file"
    (folder / "two.yml").write_text("id: dua\n", encoding="utf-8")
    changed = stamp.folder_digest([folder])
    assert changed != first
    (folder / "two.yml").rename(folder / "three.yml")
    assert stamp.folder_digest([folder]) not in (first, changed)
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "x.pyc").write_bytes(b"\0")
    assert stamp.folder_digest([folder]) == stamp.folder_digest([folder])


def test_a_site_digest_follows_paths_and_sizes_but_not_the_stamp(tmp_path: Path) -> None:
    site = _folder(tmp_path)
    first = stamp.site_digest(site)
    (site / stamp.NAME).write_text("{}", encoding="utf-8")
    assert stamp.site_digest(site) == first
    (site / "a" / "one.yml").unlink()
    assert stamp.site_digest(site) != first


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proyek", CONTOH)


def _inputs(project: Path, **how: object) -> str:
    config = load(project / "mkdocs.yml")
    return stamp.of(config, [project / "content"], how or {"strict": True}).inputs


def test_the_inputs_digest_follows_content_config_options_and_environment(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = _inputs(project)
    assert _inputs(project) == first
    assert _inputs(project, strict=False) != first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _inputs(project) != first
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    lesson = project / "content" / "contoh" / "modules" / "harga.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = _inputs(project)
    assert edited != first
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "site_author: !ENV [PENULIS, Berdaya]\n",
        encoding="utf-8",
    )
    with_env = _inputs(project)
    assert with_env != edited
    monkeypatch.setenv("PENULIS", "Dinas Pertanian")
    assert _inputs(project) != with_env, "a variable mkdocs.yml reads is an input"


def test_a_stamp_matches_only_the_site_it_was_written_for(project: Path) -> None:
    config = load(project / "mkdocs.yml")
    site = project / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>hai</p>", encoding="utf-8")
    written = stamp.of(config, [project / "content"], {})
    written.messages.append((logging.WARNING, "mkdocs.plugins.berdaya", "berdaya: hati-hati"))
    written.write(site)
    found = stamp.of(config, [project / "content"], {})
    assert found.matches(site)
    assert found.messages == written.messages
    (project / "modules" / "tambahan.md").write_text("# Halaman\n", encoding="utf-8")
    assert not found.matches(site), "a page added to the docs folder"
    (project / "modules" / "tambahan.md").unlink()
    (site / "a" / "index.html").write_text("<p>halo!</p>", encoding="utf-8")
    assert not found.matches(site), "a page of the site changed in size"
    written.write(site)
    (site / stamp.NAME).write_text("not json", encoding="utf-8")
    assert not found.matches(site), "a stamp that cannot be read"


def test_recording_keeps_warnings_and_the_contents_messages(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")  # as `berdaya build` logs
    kept = stamp.Stamp("x", Path())
    with kept.recording():
        logging.getLogger("mkdocs.commands.build").info("Building documentation")
        logging.getLogger("mkdocs.plugins.berdaya").info("berdaya: a.yml:1:1: warning: w")
        logging.getLogger("mkdocs.structure.pages").warning("a link to nowhere")
    logging.getLogger("mkdocs.structure.pages").warning("after the build")
    assert kept.messages == [
        (logging.INFO, "mkdocs.plugins.berdaya", "berdaya: a.yml:1:1: warning: w"),
        (logging.WARNING, "mkdocs.structure.pages", "a link to nowhere"),
    ]
