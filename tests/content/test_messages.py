"""Diagnostics in English or Bahasa Indonesia: the catalogue, the locale, exact lines."""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

import pytest

from generator.content.message_catalogue import MESSAGES, PHRASES
from generator.content.messages import (
    diagnostic_language,
    locale_language,
    placeholders,
    translate,
    use_language,
)
from tests.conftest import Workspace


@pytest.mark.parametrize("catalogue", [MESSAGES, PHRASES], ids=["messages", "phrases"])
def test_each_translation_keeps_the_parts_of_its_english(catalogue: dict[str, str]) -> None:
    for english, indonesian in catalogue.items():
        assert placeholders(indonesian) == placeholders(english), english
        assert indonesian != english or english.startswith("{"), english


@pytest.mark.parametrize(
    ("message", "indonesian"),
    [
        (
            (
                "quiz.questions[2].choices: a 'single' question needs exactly one correct choice, "
                "found 2"
            ),
            "quiz.questions[2].choices: soal 'single' perlu tepat satu pilihan benar, tertulis 2",
        ),
        (
            "title: expected text, got nothing (empty value)",
            "title: seharusnya teks, tertulis kosong (tanpa nilai)",
        ),
        (
            "quiz.pass: must be at most 100, got the number 120",
            "quiz.pass: paling besar 100, tertulis angka 120",
        ),
        (
            "tests.post.questions: needs at least 1 item",
            "tests.post.questions: perlu paling sedikit 1 butir",
        ),
        (
            "YAML syntax: expected ',' or ']', but got '<stream end>'",
            "sintaks YAML: seharusnya ',' atau ']', tetapi ditemukan '<stream end>'",
        ),
        (
            (
                "guide.days[0].sessions[0]: day 1: 3 h 15 min of sessions without a break "
                "(08:00–11:15), more than 3 hours"
            ),
            (
                "guide.days[0].sessions[0]: hari 1: 3 jam 15 menit sesi tanpa istirahat "
                "(08:00–11:15), lebih dari 3 jam"
            ),
        ),
        (
            (
                "[prakerja.max-day] day 1 has 8 h 30 min of sessions (breaks not counted); at most "
                "8 h a day; Kartu Prakerja, pelatihan luring (Skema Normal) (2023)"
            ),
            (
                "[prakerja.max-day] hari 1 berisi 8 jam 30 menit sesi (istirahat tidak dihitung); "
                "paling lama 8 jam sehari; Kartu Prakerja, pelatihan luring (Skema Normal) (2023)"
            ),
        ),
        (
            "translation_of: 'x' is also in English (en); a translation is in another language",
            "translation_of: 'x' juga berbahasa Inggris (en); terjemahan harus dalam bahasa lain",
        ),
    ],
)
def test_messages_in_indonesian(message: str, indonesian: str) -> None:
    assert translate(message, "id") == indonesian
    assert translate(message, "en") == message


def test_a_message_not_in_the_catalogue_stays_english() -> None:
    message = "media/foto.jpg: no such file in media/"
    assert translate(message, "id") == message
    assert translate("unknown key 'x' and more", "id") == "unknown key 'x' and more"


def test_a_part_not_in_the_catalogue_stays_english_inside_the_indonesian() -> None:
    assert translate("YAML syntax: something new", "id") == "sintaks YAML: something new"


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "id_ID.UTF-8"}, "id"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "id_ID"}, "id"),
        ({"LANG": "id_ID.UTF-8", "LC_ALL": "C"}, "en"),
        ({"LC_ALL": "id"}, "id"),
        ({"LANG": "id_ID.UTF-8", "BERDAYA_LANG": "en"}, "en"),
        ({"BERDAYA_LANG": "id"}, "id"),
    ],
)
def test_the_language_from_the_environment(environ: dict[str, str], language: str) -> None:
    assert locale_language(environ) == language


def test_a_chosen_language_holds_inside_its_block_only() -> None:
    assert diagnostic_language() == "en"  # BERDAYA_LANG=en in the tests
    with use_language("id"):
        assert diagnostic_language() == "id"
    assert diagnostic_language() == "en"


def test_real_diagnostics_in_both_languages(mini: Workspace) -> None:
    mini.edit("curriculum.yml", "title: Contoh Kurikulum\n", "titel: Contoh Kurikulum\n")
    mini.edit("modules/harga.yml", "summary: Menghitung HPP dan harga jual.", "summary: [a]")
    mini.edit("modules/catatan.yml", "summary: Mencatat", "summary: Mencatat: x")
    found = mini.diagnostics()
    assert [d.format("en") for d in found] == [
        "contoh/curriculum.yml:2:1: error: missing required key 'title'",
        "contoh/curriculum.yml:2:1: error: unknown key 'titel' (did you mean 'title'?)",
        "contoh/modules/catatan.yml:3:18: error: YAML syntax: mapping values are not allowed here",
        "contoh/modules/harga.yml:3:10: error: summary: expected text, got a list",
    ]
    assert [d.format("id") for d in found] == [
        "contoh/curriculum.yml:2:1: error: kunci wajib 'title' belum ada",
        "contoh/curriculum.yml:2:1: error: kunci 'titel' tidak dikenal (maksudnya 'title'?)",
        (
            "contoh/modules/catatan.yml:3:18: error: sintaks YAML: di sini tidak boleh ada nilai "
            "kunci (tanda ': ' di dalam teks? beri tanda kutip)"
        ),
        "contoh/modules/harga.yml:3:10: error: summary: seharusnya teks, tertulis daftar (list)",
    ]
