"""Where Berdaya may write: protected folders, foreign folders and files, the swap, leftovers."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from support.helpers import FIXTURES, make_project, tree

from generator.cli import main
from generator.exceptions import UsageError
from generator.outputs import guard
from generator.outputs.guard import (
    MARKER,
    Protected,
    check_docs_folder,
    check_output_file,
    check_site_folder,
    recover,
    staging_folder,
    swap,
)
from generator.site.write import MANIFEST, write_tree

CONTOH = FIXTURES / "mini" / "contoh"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (with a .git) as the working directory."""
    root = make_project(tmp_path / "proyek", CONTOH)
    (root / ".git").mkdir()
    (root / "templates").mkdir()
    monkeypatch.chdir(root)
    return root


def protected(root: Path) -> Protected:
    return Protected(root, root / "content", root / "modules", root / "templates")


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (".", ". is the project folder: a build would replace it"),
        ("..", ".. holds the project folder: a build would replace it"),
        ("content", "content is the content folder: a build would replace it"),
        ("content/contoh", "content/contoh is inside the content folder: build the site elsewhere"),
        ("modules", "modules is the docs folder: a build would replace it"),
        ("templates", "templates is the templates folder: a build would replace it"),
        ("mkdocs.yml", "mkdocs.yml is a file, not a folder for the site"),
        ("kopi", "kopi holds .git: a build would replace it"),
        ("buku", "buku holds mkdocs.yml: a build would replace it"),
        (
            "catatan",
            (
                "catatan/ was not built by Berdaya (it has no .berdaya-site file) "
                "and is not empty: remove it yourself or build into another folder"
            ),
        ),
    ],
)
def test_a_site_folder_berdaya_may_not_replace_is_refused(
    project: Path, target: str, message: str
) -> None:
    (project / "kopi" / ".git").mkdir(parents=True)
    (project / "buku").mkdir()
    (project / "buku" / "mkdocs.yml").write_text("site_name: Buku\n")
    (project / "catatan").mkdir()
    (project / "catatan" / "penting.txt").write_text("jangan hapus")
    with pytest.raises(UsageError) as caught:
        check_site_folder(Path(target), protected(project))
    assert str(caught.value) == message


def test_new_empty_and_marked_folders_may_be_replaced(project: Path) -> None:
    (project / "kosong").mkdir()
    (project / "lama").mkdir()
    (project / "lama" / MARKER).write_text("")
    (project / "lama" / "index.html").write_text("old site")
    for target in ("site", "kosong", "lama", "../di-luar"):
        check_site_folder(Path(target), protected(project))


@pytest.mark.parametrize("target", ["content", "."])
def test_build_refuses_to_replace_the_project_and_deletes_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    before = tree(project)
    assert main(["build", "-d", target]) == 2
    err = capsys.readouterr().err
    what = "content is the content folder" if target == "content" else ". is the project folder"
    assert err == f"berdaya build: error: {what}: a build would replace it\n"
    assert tree(project) == before
    assert sorted(p.name for p in project.parent.iterdir()) == ["proyek"], "nothing beside it"


def test_plain_mkdocs_build_is_stopped_before_it_empties_a_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess  # noqa: PLC0415 - only here
    import sys  # noqa: PLC0415

    before = tree(project)
    command = [sys.executable, "-m", "mkdocs", "build", "-d", "content"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "berdaya: content is the content folder: a build would replace it" in result.stderr
    assert tree(project) == before
    del capsys


@pytest.mark.parametrize(
    ("docs", "message"),
    [
        ("content", "docs_dir content is, holds or lies in the content folder"),
        ("content/contoh", "docs_dir content/contoh is, holds or lies in the content folder"),
        ("templates", "docs_dir templates is, holds or lies in the templates folder"),
    ],
)
def test_a_docs_folder_over_the_content_is_refused(project: Path, docs: str, message: str) -> None:
    folders = Protected(project, project / "content", project / docs, project / "templates")
    with pytest.raises(UsageError) as caught:
        check_docs_folder(project / docs, folders)
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        (
            "mkdocs.yml",
            "zip",
            "mkdocs.yml exists and is not a zip file: Berdaya will not replace it",
        ),
        (
            "catatan.html",
            "html",
            "catatan.html exists and is not a Berdaya HTML file: Berdaya will not replace it",
        ),
        (
            "mkdocs.yml",
            "pdf",
            "mkdocs.yml exists and is not a PDF file: Berdaya will not replace it",
        ),
        (
            "catatan.html",
            "zim",
            "catatan.html exists and is not a ZIM file: Berdaya will not replace it",
        ),
        ("content", "zip", "content is a folder: name the file to write"),
        ("content/x.zip", "zip", "content/x.zip is inside the content folder: write it elsewhere"),
        ("content/x.zim", "zim", "content/x.zim is inside the content folder: write it elsewhere"),
    ],
)
def test_output_files_never_replace_other_files(
    project: Path, name: str, kind: str, message: str
) -> None:
    (project / "catatan.html").write_text("<p>my notes</p>")
    with pytest.raises(UsageError) as caught:
        check_output_file(Path(name), kind, protected(project))
    assert str(caught.value) == message


def test_output_files_of_their_kind_are_replaced(project: Path) -> None:
    with zipfile.ZipFile(project / "lama.zip", "w") as archive:
        archive.writestr("a.txt", "a")
    (project / "lama.pdf").write_bytes(b"%PDF-1.7\n")
    html = '<!doctype html>\n<html lang="id">\n<meta name="generator" content="Berdaya">'
    (project / "lama.html").write_text(html)
    (project / "lama.zim").write_bytes(b"ZIM\x04\x06\x00\x01\x00")  # magic number, version 6.1
    kinds = {"lama.zip": "zip", "lama.pdf": "pdf", "lama.html": "html", "lama.zim": "zim"}
    for name, kind in kinds.items():
        check_output_file(Path(name), kind, protected(project))
    check_output_file(Path("baru.zip"), "zip", protected(project))


def test_export_refuses_to_overwrite_the_configuration(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (project / "mkdocs.yml").read_bytes()
    assert main(["export", "-o", "mkdocs.yml"]) == 2
    assert capsys.readouterr().err == (
        "berdaya export: error: mkdocs.yml exists and is not a zip file: "
        "Berdaya will not replace it\n"
    )
    assert (project / "mkdocs.yml").read_bytes() == before
    assert main(["export", "-o", "content"]) == 2
    assert "content is a folder: name the file to write" in capsys.readouterr().err


# The swap and what a crash leaves.


def _site(folder: Path, text: str) -> Path:
    folder.mkdir()
    guard.mark(folder)
    (folder / "index.html").write_text(text)
    return folder


@pytest.mark.parametrize("how", ["exchange", "two renames"])
def test_swap_puts_the_new_site_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "two renames":
        monkeypatch.setattr(guard, "_exchange", lambda *_paths: False)
    target = _site(tmp_path / "site", "old")
    new = staging_folder(target)
    (new / "index.html").write_text("new")
    swap(new, target)
    assert (target / "index.html").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_exchange_is_atomic_on_this_system(tmp_path: Path) -> None:
    first, second = _site(tmp_path / "a", "A"), _site(tmp_path / "b", "B")
    assert guard._exchange(first, second) is True  # noqa: SLF001 - the primitive itself
    assert (first / "index.html").read_text() == "B"
    assert (second / "index.html").read_text() == "A"


def test_recover_puts_back_an_old_site_and_removes_marked_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "site"
    _site(tmp_path / ".site-old-abc", "old")
    _site(tmp_path / ".site-new-def", "half")
    foreign = tmp_path / ".site-new-mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("not Berdaya's")
    recover(target)
    assert (target / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site-new-mine", "site"]


# Generated Markdown: only Berdaya's own files are deleted.


def test_the_docs_folder_keeps_files_berdaya_did_not_write(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tentang.md").write_text("# Tentang kami\n")
    write_tree(docs, {"a/satu.md": b"<!-- generated by berdaya from x; do not edit -->\n"})
    assert (docs / MANIFEST).read_text() == "a/satu.md\n"
    report = write_tree(docs, {"b.md": b"x"})
    assert report.deleted == ["a/satu.md"]
    assert not (docs / "a").exists(), "the folder it left empty is removed"
    assert (docs / "tentang.md").read_text() == "# Tentang kami\n"


def test_pages_of_an_older_berdaya_without_a_list_are_still_cleaned(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "lama").mkdir(parents=True)
    page = "---\nhide: [toc]\n---\n<!-- dibuat oleh berdaya dari content; jangan diedit -->\n"
    (docs / "lama" / "index.md").write_text(page)
    (docs / "milik-saya.md").write_text("<!-- my own comment -->\n")
    report = write_tree(docs, {"baru.md": b"x"})
    assert report.deleted == ["lama/index.md"]
    assert (docs / "milik-saya.md").exists()


def test_a_changed_list_cannot_reach_outside_the_docs_folder(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "rahasia.txt").write_text("keep")
    (docs / MANIFEST).write_text("../rahasia.txt\n/etc/hostname\n")
    write_tree(docs, {"a.md": b"x"})
    assert (tmp_path / "rahasia.txt").read_text() == "keep"


def test_staging_folders_are_marked(tmp_path: Path) -> None:
    folder = staging_folder(tmp_path / "site")
    assert folder.name.startswith(".site-new-")
    assert (folder / MARKER).is_file()
    shutil.rmtree(folder)
    assert list(tmp_path.iterdir()) == []
