"""``translation_of``: a translation, its original, and every diagnostic of the matching."""

from __future__ import annotations

from pathlib import Path

from generator.content.check import read_project
from generator.content.project import find_curricula
from generator.content.translation import counterparts
from tests.conftest import Workspace

CURRICULUM = """\
title: Example Curriculum
summary: A small curriculum for tests.
language: en
translation_of: contoh
modules:
  - prices
  - cash-records
"""

PRICES = """\
title: Selling Price
translation_of: harga
summary: Working out the cost and the selling price.
lessons:
  - id: production-cost
    translation_of: hpp
    title: Production cost
    body: All the costs of making one product.
  - id: selling-price
    translation_of: harga-jual
    title: Selling price
    body: Cost plus margin.
"""

CASH_RECORDS = """\
title: Cash Records
translation_of: catatan
summary: Writing down money in and out.
lessons:
  - id: cash-book
    translation_of: buku-kas
    title: Cash book
    body: Write down every amount the same day.
  - id: saldo
    title: Balance
    body: Money in minus money out.
"""


def translate(mini: Workspace, **files: str) -> Path:
    """Write the English translation ``example/`` beside ``contoh``; ``files`` replace parts."""
    folder = mini.root / "example"
    texts = {"curriculum": CURRICULUM, "prices": PRICES, "cash_records": CASH_RECORDS, **files}
    (folder / "modules").mkdir(parents=True, exist_ok=True)
    (folder / "curriculum.yml").write_text(texts["curriculum"], encoding="utf-8")
    for name, key in (("prices", "prices"), ("cash-records", "cash_records")):
        (folder / "modules" / f"{name}.yml").write_text(texts[key], encoding="utf-8")
    return folder


def test_a_complete_translation_is_valid(mini: Workspace) -> None:
    translate(mini)
    assert mini.lines() == []


def test_the_bundled_pair_matches_every_module_and_lesson() -> None:
    root = Path(__file__).resolve().parents[2] / "content"
    folders = [root / "partisipasi-masyarakat", root / "community-participation"]
    project = read_project(folders)
    assert [d.format() for d in project.diagnostics] == []
    links = counterparts(project.curricula)
    english = links["community-participation"]
    assert english.curriculum.id == "partisipasi-masyarakat"
    assert english.modules["running-community-meetings"] == "memimpin-rapat-warga"
    assert english.lessons[("participatory-planning", "proposing-activities")] == (
        "mengusulkan-kegiatan"
    )
    indonesian = links["partisipasi-masyarakat"]
    assert indonesian.modules["pemantauan-program-desa"] == "monitoring-village-programmes"
    assert len(indonesian.lessons) == 12


def test_checking_the_translation_alone_finds_its_original(mini: Workspace) -> None:
    folder = translate(mini)
    project = read_project(find_curricula([folder]))
    assert [d.format() for d in project.diagnostics] == []


def test_an_unknown_original_is_an_error(mini: Workspace) -> None:
    translate(
        mini, curriculum=CURRICULUM.replace("translation_of: contoh", "translation_of: contohh")
    )
    assert mini.lines() == [
        "example/curriculum.yml:4:17: error: translation_of: unknown curriculum 'contohh'",
    ]


def test_an_original_in_the_same_language_is_an_error(mini: Workspace) -> None:
    translate(mini, curriculum=CURRICULUM.replace("language: en", "language: id"))
    assert mini.lines() == [
        (
            "example/curriculum.yml:4:17: error: translation_of: 'contoh' is also in "
            "Bahasa Indonesia (id); a translation is in another language"
        ),
    ]


def test_a_curriculum_cannot_translate_itself(mini: Workspace) -> None:
    translate(
        mini, curriculum=CURRICULUM.replace("translation_of: contoh", "translation_of: example")
    )
    assert mini.lines() == [
        "example/curriculum.yml:4:17: error: translation_of: a curriculum cannot translate itself",
    ]


def test_the_original_must_not_be_a_translation(mini: Workspace) -> None:
    translate(mini)
    second = mini.root / "contoh-lagi"
    (second / "modules").mkdir(parents=True)
    (second / "curriculum.yml").write_text(
        "title: Lagi\nsummary: Lagi.\nlanguage: id\ntranslation_of: example\nmodules: [harga]\n",
        encoding="utf-8",
    )
    (second / "modules" / "harga.yml").write_text(
        "title: Harga\nsummary: Harga.\n", encoding="utf-8"
    )
    assert mini.lines() == [
        (
            "contoh-lagi/curriculum.yml:4:17: error: translation_of: 'example' is itself a "
            "translation of 'contoh'; name the original"
        ),
    ]


def test_two_translations_into_one_language_are_an_error(mini: Workspace) -> None:
    translate(mini)
    twin = mini.root / "example-two"
    (twin / "modules").mkdir(parents=True)
    for path in (mini.root / "example").rglob("*.yml"):
        target = twin / path.relative_to(mini.root / "example")
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert mini.lines() == [
        (
            "example-two/curriculum.yml:4:17: error: translation_of: 'example' already "
            "translates 'contoh' into English (en)"
        ),
    ]


def test_an_unknown_module_or_lesson_is_an_error(mini: Workspace) -> None:
    translate(
        mini,
        prices=PRICES.replace("translation_of: harga\n", "translation_of: hargaa\n"),
        cash_records=CASH_RECORDS.replace("translation_of: buku-kas", "translation_of: buku"),
    )
    assert mini.lines() == [
        (
            "example/curriculum.yml:4:17: warning: translation_of: module 'harga' of 'contoh' "
            "has no translation"
        ),
        (
            "example/modules/cash-records.yml:2:1: warning: lesson 'buku-kas' of module "
            "'catatan' of 'contoh' has no translation"
        ),
        (
            "example/modules/cash-records.yml:6:21: error: lessons[0].translation_of: module "
            "'catatan' of 'contoh' has no lesson 'buku'"
        ),
        "example/modules/prices.yml:2:17: error: translation_of: 'contoh' has no module 'hargaa'",
    ]


def test_missing_counterparts_are_warnings_with_positions(mini: Workspace) -> None:
    translate(
        mini,
        prices=PRICES.replace("translation_of: harga\n", ""),
        cash_records=CASH_RECORDS.replace("  - id: saldo\n", "  - id: balance\n"),
    )
    assert mini.lines() == [
        (
            "example/curriculum.yml:4:17: warning: translation_of: module 'harga' of 'contoh' "
            "has no translation"
        ),
        (
            "example/modules/cash-records.yml:2:1: warning: lesson 'saldo' of module 'catatan' "
            "of 'contoh' has no translation"
        ),
        (
            "example/modules/cash-records.yml:9:9: warning: lessons[1].id: lesson 'balance' "
            "has no counterpart in module 'catatan' of 'contoh'; "
            "name it with translation_of: <lesson id>"
        ),
        (
            "example/modules/prices.yml:1:1: warning: module 'prices' has no counterpart in "
            "'contoh'; name it with translation_of: <module id>"
        ),
    ]


def test_a_module_translated_twice_is_an_error(mini: Workspace) -> None:
    translate(mini, prices=PRICES.replace("translation_of: harga\n", "translation_of: catatan\n"))
    assert (
        "example/modules/cash-records.yml:2:1: error: module 'catatan' of 'contoh' is already "
        "translated by 'prices'"
    ) in mini.lines()


def test_a_lesson_translated_twice_is_an_error(mini: Workspace) -> None:
    twice = CASH_RECORDS.replace("  - id: saldo\n", "  - id: saldo\n    translation_of: buku-kas\n")
    translate(mini, cash_records=twice)
    assert mini.lines() == [
        (
            "example/modules/cash-records.yml:2:1: warning: lesson 'saldo' of module 'catatan' "
            "of 'contoh' has no translation"
        ),
        (
            "example/modules/cash-records.yml:10:21: error: lessons[1].translation_of: lesson "
            "'buku-kas' is already translated by 'cash-book'"
        ),
    ]


def test_translation_of_without_a_translated_curriculum_is_an_error(mini: Workspace) -> None:
    mini.edit("modules/harga.yml", "title: Harga Jual\n", "title: Harga Jual\ntranslation_of: x\n")
    assert mini.lines() == [
        (
            "contoh/modules/harga.yml:3:17: error: translation_of: the curriculum has no "
            "translation_of, so there is no original to name"
        ),
    ]
