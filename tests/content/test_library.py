"""Overlays read from folders (generator/content/library.py, project.py, check.py).

The mini curriculum ``contoh`` is the base; overlays beside it or in a library
folder change it. Every diagnostic is asserted as the user reads it: the file and
line the offending value came from, base or overlay.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.check import check_folders, read_project
from generator.content.project import CurriculumSource

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "contoh"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """content/contoh (the base) in the working directory."""
    shutil.copytree(MINI, tmp_path / "content" / "contoh")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lines(*folders: Path, library: tuple[Path, ...] = ()) -> list[str]:
    _project, diagnostics = check_folders(list(folders), "id", library)
    return [d.format() for d in diagnostics]


def load(folder: Path, library: tuple[Path, ...] = ()) -> CurriculumSource:
    project = read_project([folder], "id", library)
    assert [d.format() for d in project.diagnostics] == []
    return project.curricula[0]


def test_an_overlay_with_only_extends_is_its_base(root: Path) -> None:
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", "extends: contoh\n")
    source = load(folder)
    base = load(root / "content" / "contoh")
    assert source.model.model_copy(update={"extends": None}) == base.model
    assert [m.id for m in source.modules] == ["harga", "catatan"]
    assert source.bases == [root / "content" / "contoh"]


def test_modules_dropped_added_and_merged(root: Path) -> None:
    folder = root / "content" / "lokal"
    write(
        folder / "curriculum.yml",
        "extends: contoh\ntitle: Lokal\nmodules: [harga, baru]\n"
        "guide:\n  days:\n    - title: Hari 1\n      start: '08:00'\n"
        "      sessions:\n        - module: harga\n        - module: baru\n"
        "tests:\n  pre:\n    questions:\n"
        "      - {id: uang-pribadi, remove: true}\n      - {id: uang-keluar, remove: true}\n"
        "  post:\n    questions:\n      - {id: catat-hari-itu, remove: true}\n",
    )
    write(folder / "modules" / "harga.yml", "lessons:\n  - id: harga-jual\n    remove: true\n")
    write(
        folder / "modules" / "baru.yml",
        "title: Baru\nsummary: Modul baru.\nlessons:\n  - id: satu\n    title: Satu\n "
        "   body: Isi.\n",
    )
    source = load(folder)
    assert source.model.title == "Lokal"
    assert [m.id for m in source.modules] == ["harga", "baru"]
    assert [lesson.id for lesson in source.modules[0].model.lessons] == ["hpp"]
    assert source.module_files == {"harga", "catatan", "baru"}
    # the base curriculum is unchanged
    assert [lesson.id for lesson in load(root / "content" / "contoh").modules[0].model.lessons] == [
        "hpp",
        "harga-jual",
    ]


def test_a_base_is_found_in_a_library_folder(root: Path) -> None:
    shutil.move(root / "content" / "contoh", root / "library" / "contoh")
    folder = root / "org" / "contoh"  # the same id as its base: its pages keep the base's addresses
    write(folder / "curriculum.yml", "extends: contoh\ntitle: Versi kami\n")
    assert lines(folder) == [
        (
            "org/contoh/curriculum.yml:1:10: error: extends: no curriculum 'contoh' in "
            "the content folder"
        )
    ]
    assert load(folder, (root / "library",)).model.title == "Versi kami"


def test_an_unknown_base(root: Path) -> None:
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", "title: X\nextends:\n  curriculum: conto\n")
    assert lines(folder, library=(root / "content",)) == [
        (
            "content/lokal/curriculum.yml:3:15: error: extends: no curriculum 'conto' "
            "in the content "
            "folder, content/ (did you mean 'contoh'?)"
        )
    ]


def test_a_cycle_of_overlays(root: Path) -> None:
    write(root / "content" / "a" / "curriculum.yml", "extends: b\n")
    write(root / "content" / "b" / "curriculum.yml", "title: B\nextends: a\n")
    assert lines(root / "content" / "a") == [
        (
            "content/b/curriculum.yml:2:10: error: extends: 'a' leads back to an "
            "overlay it extends "
            "(a -> b -> a) (in overlay 'a')"
        )
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "extends: [contoh]\n",
            "1:10: error: extends: expected a curriculum id or {curriculum: ID, version: V}",
        ),
        (
            "extends: Contoh\n",
            (
                "1:10: error: extends: 'Contoh' is not a valid id: use lowercase letters, "
                "digits and hyphens"
            ),
        ),
        (
            "extends:\n  curriculum: contoh\n  versi: '1'\n",
            "3:3: error: extends: unknown key 'versi' (did you mean 'version'?)",
        ),
        ("extends:\n  version: '1'\n", "2:3: error: extends: missing required key 'curriculum'"),
        (
            "extends:\n  curriculum: contoh\n  version: [1]\n",
            "3:12: error: extends.version: expected text",
        ),
        (
            "extends:\n  curriculum: 12\n",
            (
                "2:15: error: extends.curriculum: '12' is not a valid id: use lowercase "
                "letters, digits and hyphens"
            ),
        ),
    ],
)
def test_a_wrong_extends(root: Path, text: str, expected: str) -> None:
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", text)
    assert lines(folder) == [f"content/lokal/curriculum.yml:{expected}"]


def test_another_base_version_is_a_warning(root: Path) -> None:
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", "extends:\n  curriculum: contoh\n  version: 0.9\n")
    assert lines(folder) == [
        (
            "content/lokal/curriculum.yml:3:12: warning: extends.version: the base "
            "'contoh' is version "
            "'1.0', this overlay was written for '0.9'; check what changed (berdaya "
            "diff) and update "
            "the version here"
        )
    ]
    write(folder / "curriculum.yml", "extends:\n  curriculum: contoh\n  version: '1.0'\n")
    assert lines(folder) == []


def test_diagnostics_point_at_the_base_or_the_overlay(root: Path) -> None:
    """A value of the base that the overlay makes wrong is reported at the base's line."""
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", "extends: contoh\nlevel: [x]\n")
    assert lines(folder) == [
        "content/lokal/curriculum.yml:2:8: error: level: expected text, got a list"
    ]
    write(folder / "curriculum.yml", "extends: contoh\nmodules: [catatan]\n")
    base = "content/contoh/curriculum.yml"
    message = "'harga' is not a module of this curriculum (in overlay 'lokal')"
    assert lines(folder) == [
        f"{base}:34:19: error: guide.days[0].sessions[1].module: {message}",
        f"{base}:43:14: error: tests.pre.questions[0].ref: {message}",
        f"{base}:46:17: error: tests.pre.questions[1].module: {message}",
        f"{base}:77:14: error: tests.post.questions[0].ref: {message}",
        f"{base}:80:17: error: tests.post.questions[1].module: {message}",
    ]


def test_an_overlay_module_error_is_at_its_line(root: Path) -> None:
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", "extends: contoh\n")
    write(folder / "modules" / "harga.yml", "lessons:\n  - id: hpp\n    minutes: -3\n")
    write(folder / "modules" / "lain.yml", "title: Lain\nsummary: S\n")
    assert lines(folder) == [
        (
            "content/lokal/modules/harga.yml:3:14: error: lessons[0].minutes: must be at "
            "least 1, got the number -3"
        ),
        (
            "content/lokal/modules/lain.yml:1:1: warning: module 'lain' is not listed "
            "in curriculum.yml "
            "and is not built"
        ),
    ]


def test_an_overlay_finds_the_media_of_its_base(root: Path) -> None:
    base = root / "content" / "contoh"
    (base / "media").mkdir()
    (base / "media" / "foto.png").write_bytes(b"\x89PNG base")
    folder = root / "content" / "lokal"
    write(folder / "curriculum.yml", "extends: contoh\nsummary: '![Foto](media/foto.png)'\n")
    assert lines(folder) == []
    write(folder / "curriculum.yml", "extends: contoh\nsummary: '![Foto](media/lain.png)'\n")
    assert lines(folder) == [
        (
            "content/lokal/curriculum.yml:2:19: error: summary: media file "
            "'media/lain.png' does not exist"
        )
    ]
