"""Every kind of bad input, each with the exact diagnostic it must produce.

Each case copies the valid mini curriculum, changes one place and compares
the whole list of diagnostics (so a case also fails when an extra, wrong
diagnostic appears).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from support.hostile import BILLION_LAUGHS

C = "curriculum.yml"
H = "modules/harga.yml"
K = "modules/catatan.yml"
HARGA = "contoh/modules/harga.yml"
CATATAN = "contoh/modules/catatan.yml"
CURRICULUM = "contoh/curriculum.yml"
TYPES = "single, multiple, true-false, text, number, order, match"


@dataclass(frozen=True)
class Edit:
    """Replace the one occurrence of ``old`` in ``file`` (relative to the curriculum)."""

    file: str
    old: str
    new: str


@dataclass(frozen=True)
class Case:
    """One bad input: edits to the fixture and the diagnostics they must give."""

    name: str
    edits: tuple[Edit, ...]
    expected: tuple[str, ...]


def case(name: str, edits: list[Edit] | Edit, *expected: str) -> Case:
    return Case(name, tuple(edits) if isinstance(edits, list) else (edits,), expected)


CASES = [
    # --- keys and types -----------------------------------------------------
    case(
        "unknown-key-with-suggestion",
        Edit(H, "minutes: 60\n", "minuts: 60\n"),
        f"{HARGA}:4:1: error: unknown key 'minuts' (did you mean 'minutes'?)",
    ),
    case(
        "unknown-nested-key-with-suggestion",
        Edit(H, "    keypoints:", "    keypoint:"),
        f"{HARGA}:19:5: error: lessons[0]: unknown key 'keypoint' (did you mean 'keypoints'?)",
    ),
    case(
        "text-for-whole-number",
        Edit(H, "minutes: 60", "minutes: satu jam"),
        f"{HARGA}:4:10: error: minutes: expected a whole number, got the text 'satu jam'",
    ),
    case(
        "decimal-for-whole-number",
        Edit(H, "minutes: 60", "minutes: 60.0"),
        f"{HARGA}:4:10: error: minutes: expected a whole number, got the number 60.0",
    ),
    case(
        "text-for-bool",
        Edit(K, "answer: false", "answer: salah"),
        f"{CATATAN}:18:15: error: quiz.questions[0].answer: expected true or false, "
        "got the text 'salah'",
    ),
    case(
        "yaml-1.1-no-is-not-a-bool",
        Edit(K, "answer: false", "answer: no"),
        f"{CATATAN}:18:15: error: quiz.questions[0].answer: expected true or false, "
        "got the text 'no'",
    ),
    case(
        "list-for-mapping",
        Edit(
            C, "  - name: Tim Berdaya\n    organisation: Berdaya\n", "  - [Tim Berdaya, Berdaya]\n"
        ),
        f"{CURRICULUM}:8:5: error: authors[0]: expected a mapping of keys, got a list",
    ),
    case(
        "mapping-for-list",
        Edit(C, "  - Bisa membaca", "  baca: Bisa membaca"),
        f"{CURRICULUM}:13:3: error: prerequisites: expected a list, got a mapping",
    ),
    case(
        "text-for-list",
        Edit(K, "answers: [kas, buku kas]", "answers: kas"),
        f"{CATATAN}:22:16: error: quiz.questions[1].answers: expected a list, got the text 'kas'",
    ),
    case(
        "missing-required-key",
        Edit(H, "title: Harga Jual\n", ""),
        f"{HARGA}:2:1: error: missing required key 'title'",
    ),
    case(
        "missing-required-nested-key",
        Edit(H, "    instructions: Hitung HPP satu bungkus keripik.\n", ""),
        f"{HARGA}:25:5: error: activities[0]: missing required key 'instructions'",
    ),
    case(
        "empty-text",
        Edit(H, "summary: Menghitung HPP dan harga jual.", 'summary: ""'),
        f"{HARGA}:3:10: error: summary: must not be empty",
    ),
    case(
        "empty-value",
        Edit(H, "title: Harga Jual", "title:"),
        f"{HARGA}:2:7: error: title: expected text, got nothing (empty value)",
    ),
    case(
        "language-not-id-or-en",
        Edit(C, "level: Dasar\n", "level: Dasar\nlanguage: jawa\n"),
        f"{CURRICULUM}:6:11: error: language: the text 'jawa' is not one of 'id' or 'en'",
    ),
    case(
        "points-below-one",
        Edit(H, "      id: arti-hpp\n", "      id: arti-hpp\n      points: 0\n"),
        f"{HARGA}:43:15: error: quiz.questions[0].points: must be at least 1, got the number 0",
    ),
    case(
        "empty-module-list",
        Edit(C, "modules:\n  - harga\n  - catatan\n", "modules: []\n"),
        f"{CURRICULUM}:14:10: error: modules: needs at least 1 item",
    ),
    # --- YAML itself -----------------------------------------------------------
    case(
        "yaml-syntax-error",
        Edit(H, "title: Harga Jual", "title: [Harga Jual"),
        f"{HARGA}:3:8: error: YAML syntax: expected ',' or ']', but got ':'",
    ),
    case(
        "yaml-colon-in-plain-text",
        Edit(H, "summary: Menghitung HPP dan harga jual.", "summary: Rumus: HPP + margin"),
        f"{HARGA}:3:15: error: YAML syntax: mapping values are not allowed here",
    ),
    case(
        "yaml-tab-indentation",
        Edit(H, "  pass: 60", "\tpass: 60"),
        f"{HARGA}:39:1: error: YAML syntax: found character '\\t' that cannot start any token",
    ),
    case(
        "duplicate-key",
        Edit(H, "minutes: 60\n", "minutes: 60\nminutes: 50\n"),
        f"{HARGA}:5:1: error: duplicate key 'minutes' (first defined on line 4)",
    ),
    case(
        "two-documents",
        Edit(H, "minutes: 60\n", "minutes: 60\n---\nminutes: 50\n"),
        f"{HARGA}:5:1: error: YAML syntax: expected a single document in the stream, "
        "but found another document",
    ),
    case(
        "anchor",
        Edit(H, "minutes: 60", "minutes: &lama 60"),
        f"{HARGA}:4:10: error: anchors (&name) are not allowed; write values out",
    ),
    case(
        "alias",
        Edit(C, "  - catatan\n", "  - catatan\n  - *harga\n"),
        f"{CURRICULUM}:17:5: error: aliases (*name) are not allowed; write the value out",
    ),
    case(
        "merge-key",
        Edit(H, "minutes: 60", "<<: {minutes: 60}"),
        f"{HARGA}:4:1: error: merge keys (<<) are not allowed",
    ),
    case(
        "custom-tag",
        Edit(H, "title: Harga Jual", "title: !terjemahan Harga Jual"),
        f"{HARGA}:2:8: error: tags such as '!terjemahan' are not allowed",
    ),
    case(
        "standard-tags",
        [
            Edit(H, "minutes: 60", "minutes: !!int 60"),
            Edit(K, "title: Catatan", "title: !!str Catatan"),
        ],
        f"{CATATAN}:2:8: error: tags such as '!!str' are not allowed",
        f"{HARGA}:4:10: error: tags such as '!!int' are not allowed",
    ),
    case(
        "key-that-is-not-text",
        Edit(H, "minutes: 60", "[minutes]: 60"),
        f"{HARGA}:4:1: error: a key must be plain text",
    ),
    case(
        "control-character",
        Edit(H, "title: Harga Jual", "title: Harga\x07Jual"),
        f"{HARGA}:2:13: error: character U+0007 is not allowed",
    ),
    # --- questions -------------------------------------------------------------
    case(
        "single-with-two-correct",
        Edit(H, "          feedback: Bukan.", "          correct: true"),
        f"{HARGA}:46:9: error: quiz.questions[0].choices: a 'single' question needs exactly "
        "one correct choice, found 2",
    ),
    case(
        "single-with-none-correct",
        Edit(H, "          correct: true\n", ""),
        f"{HARGA}:46:9: error: quiz.questions[0].choices: a 'single' question needs exactly "
        "one correct choice, found 0",
    ),
    case(
        "multiple-with-none-correct",
        [
            Edit(K, "{text: Beli bahan, correct: true}", "{text: Beli bahan}"),
            Edit(K, "{text: Bayar listrik, correct: true}", "{text: Bayar listrik}"),
        ],
        f"{CATATAN}:34:9: error: quiz.questions[4].choices: a 'multiple' question needs "
        "at least one correct choice",
    ),
    case(
        "fewer-than-two-choices",
        Edit(H, "        - text: Harga penjualan\n          feedback: Bukan.\n", ""),
        f"{HARGA}:46:9: error: quiz.questions[0].choices: needs at least 2 choices",
    ),
    case(
        "duplicate-choice-text",
        Edit(H, "text: Harga penjualan", "text: Harga pokok produksi"),
        f"{HARGA}:49:11: error: quiz.questions[0].choices[1]: 'Harga pokok produksi' appears twice",
    ),
    case(
        "duplicate-multi-line-choice-text",
        [
            Edit(
                H,
                "text: Harga pokok produksi",
                "text: |\n            Harga pokok\n            produksi",
            ),
            Edit(
                H, "text: Harga penjualan", "text: |\n            Harga pokok\n            produksi"
            ),
        ],
        f"{HARGA}:51:11: error: quiz.questions[0].choices[1]: 'Harga pokok...' appears twice",
    ),
    case(
        "order-with-one-item",
        Edit(K, "items: [Tulis tanggal, Tulis jumlah, Hitung saldo]", "items: [Tulis tanggal]"),
        f"{CATATAN}:25:14: error: quiz.questions[2].items: needs at least 2 items",
    ),
    case(
        "order-with-duplicates",
        Edit(K, "Hitung saldo]", "Tulis tanggal]"),
        f"{CATATAN}:25:44: error: quiz.questions[2].items[2]: 'Tulis tanggal' appears twice",
    ),
    case(
        "match-with-duplicate-left",
        Edit(K, "{left: Keluar, right: Beli bahan}", "{left: Masuk, right: Beli bahan}"),
        f"{CATATAN}:30:18: error: quiz.questions[3].pairs[1].left: 'Masuk' appears twice",
    ),
    case(
        "match-with-duplicate-right",
        Edit(K, "{left: Keluar, right: Beli bahan}", "{left: Keluar, right: Penjualan}"),
        f"{CATATAN}:30:33: error: quiz.questions[3].pairs[1].right: 'Penjualan' appears twice",
    ),
    case(
        "match-with-one-pair",
        Edit(K, "        - {left: Keluar, right: Beli bahan}\n", ""),
        f"{CATATAN}:29:9: error: quiz.questions[3].pairs: needs at least 2 pairs",
    ),
    case(
        "pass-above-100",
        Edit(H, "pass: 60", "pass: 120"),
        f"{HARGA}:39:9: error: quiz.pass: must be at most 100, got the number 120",
    ),
    case(
        "pass-below-0",
        Edit(H, "pass: 60", "pass: -5"),
        f"{HARGA}:39:9: error: quiz.pass: must be at least 0, got the number -5",
    ),
    case(
        "question-without-type",
        Edit(K, "    - type: text\n      prompt", "    - prompt"),
        f"{CATATAN}:20:7: error: quiz.questions[1]: missing required key 'type' ({TYPES})",
    ),
    case(
        "unknown-question-type",
        Edit(K, "type: text", "type: essay"),
        f"{CATATAN}:20:13: error: quiz.questions[1].type: 'essay' is not a question type; "
        f"use one of {TYPES}",
    ),
    case(
        "question-type-with-suggestion",
        Edit(K, "type: true-false", "type: true_false"),
        f"{CATATAN}:16:13: error: quiz.questions[0].type: 'true_false' is not a question type "
        f"(did you mean 'true-false'?); use one of {TYPES}",
    ),
    case(
        "question-type-that-is-not-text",
        Edit(K, "type: text", "type: 3"),
        f"{CATATAN}:20:13: error: quiz.questions[1].type: the number 3 is not a question type; "
        f"use one of {TYPES}",
    ),
    case(
        "unknown-key-in-a-question",
        Edit(H, "      id: arti-hpp\n", "      id: arti-hpp\n      explaination: Karena.\n"),
        f"{HARGA}:43:7: error: quiz.questions[0]: unknown key 'explaination' "
        "(did you mean 'explanation'?)",
    ),
    case(
        "unknown-key-in-a-choice",
        Edit(H, "          feedback: Benar.", "          feedbak: Benar."),
        f"{HARGA}:48:11: error: quiz.questions[0].choices[0]: unknown key 'feedbak' "
        "(did you mean 'feedback'?)",
    ),
    case(
        "number-answer-as-text",
        Edit(H, "answer: 9000", "answer: Rp 9.000"),
        f"{HARGA}:54:15: error: quiz.questions[1].answer: expected a number, "
        "got the text 'Rp 9.000'",
    ),
    case(
        "question-missing-prompt",
        Edit(H, "      prompt: Apa arti HPP?\n", ""),
        f"{HARGA}:41:7: error: quiz.questions[0]: missing required key 'prompt'",
    ),
    case(
        "number-answer-not-finite",
        Edit(H, "answer: 9000", "answer: .nan"),
        f"{HARGA}:54:15: error: quiz.questions[1].answer: expected a number, got the number nan",
    ),
    case(
        "thousands-separator-in-indonesian-number",
        Edit(H, "answer: 9000", "answer: 15.000"),
        f"{HARGA}:54:15: warning: quiz.questions[1].answer: YAML reads 15.000 as 15; "
        "for 15000 write 15000 (no thousands separator)",
    ),
    case(
        "thousands-separator-in-english-number-is-fine",
        [
            Edit(C, "level: Dasar\n", "level: Dasar\nlanguage: en\n"),
            Edit(H, "answer: 9000", "answer: 15.000"),
        ],
    ),
    # --- the program guide -----------------------------------------------------
    case(
        "start-not-hh-mm",
        Edit(C, 'start: "08:00"', 'start: "8.00"'),
        f"{CURRICULUM}:30:14: error: guide.days[0].start: '8.00' is not a valid time; "
        "write HH:MM, e.g. 08:30",
    ),
    case(
        "start-hour-25",
        Edit(C, 'start: "08:00"', "start: 25:00"),
        f"{CURRICULUM}:30:14: error: guide.days[0].start: '25:00' is not a valid time; "
        "write HH:MM, e.g. 08:30",
    ),
    case(
        "start-as-number",
        Edit(C, 'start: "08:00"', "start: 800"),
        f"{CURRICULUM}:30:14: error: guide.days[0].start: expected text, got the number 800",
    ),
    case(
        "unquoted-start-is-a-time",
        Edit(C, 'start: "08:00"', "start: 08:00"),
    ),
    case(
        "guide-session-names-unknown-module",
        Edit(C, "        - module: catatan", "        - module: pupuk"),
        f"{CURRICULUM}:16:5: warning: modules[1]: module 'catatan' is not scheduled in the guide",
        f"{CURRICULUM}:37:19: error: guide.days[0].sessions[3].module: "
        "'pupuk' is not a module of this curriculum",
    ),
    case(
        "module-scheduled-twice",
        Edit(C, "        - module: catatan", "        - module: harga"),
        f"{CURRICULUM}:16:5: warning: modules[1]: module 'catatan' is not scheduled in the guide",
        f"{CURRICULUM}:37:19: warning: guide.days[0].sessions[3].module: "
        "module 'harga' is scheduled twice (first on line 34)",
    ),
    case(
        "module-not-scheduled",
        Edit(C, "        - module: catatan\n", ""),
        f"{CURRICULUM}:16:5: warning: modules[1]: module 'catatan' is not scheduled in the guide",
    ),
    case(
        "module-session-with-minutes",
        Edit(C, "        - module: harga\n", "        - module: harga\n          minutes: 60\n"),
        f"{CURRICULUM}:35:11: error: guide.days[0].sessions[1]: unknown key 'minutes': "
        "a module session takes its minutes from the module's session",
    ),
    case(
        "day-without-start",
        Edit(C, '      start: "08:00"\n', ""),
        f"{CURRICULUM}:29:7: error: guide.days[0]: missing required key 'start'",
    ),
    case(
        "break-with-unknown-key",
        Edit(C, "          minutes: 15", "          minute: 15"),
        f"{CURRICULUM}:35:11: error: guide.days[0].sessions[2]: missing required key 'minutes'",
        f"{CURRICULUM}:36:11: error: guide.days[0].sessions[2]: unknown key 'minute' "
        "(did you mean 'minutes'?)",
    ),
    # --- ids and references ----------------------------------------------------
    case(
        "lesson-id-not-a-slug",
        Edit(H, "id: harga-jual", "id: Harga_Jual"),
        f"{HARGA}:21:9: error: lessons[1].id: 'Harga_Jual' is not a valid id: "
        "use lowercase letters, digits and hyphens",
    ),
    case(
        "multi-line-id",
        Edit(H, "id: harga-jual", "id: >\n      harga\n\n      jual"),
        f"{HARGA}:21:9: error: lessons[1].id: 'harga...' is not a valid id: "
        "use lowercase letters, digits and hyphens",
    ),
    case(
        "objective-key-not-a-slug",
        Edit(H, "  tentukan-harga: Menentukan", "  Tentukan Harga: Menentukan"),
        f"{HARGA}:7:3: error: objectives.Tentukan Harga: 'Tentukan Harga' is not a valid id: "
        "use lowercase letters, digits and hyphens",
    ),
    case(
        "module-reference-not-a-slug",
        Edit(C, "  - catatan\n", "  - Catatan Kas\n"),
        f"{CURRICULUM}:16:5: error: modules[1]: 'Catatan Kas' is not a valid id: "
        "use lowercase letters, digits and hyphens",
    ),
    case(
        "duplicate-lesson-id",
        Edit(K, "id: saldo", "id: buku-kas"),
        f"{CATATAN}:11:9: error: lessons[1].id: duplicate lesson id 'buku-kas'",
    ),
    case(
        "duplicate-activity-id",
        Edit(
            H,
            "    objectives: [hitung-hpp]\n",
            "    objectives: [hitung-hpp]\n"
            "  - id: hitung-keripik\n"
            "    title: Lagi\n"
            "    method: Latihan\n"
            "    minutes: 10\n"
            "    instructions: Hitung lagi.\n",
        ),
        f"{HARGA}:38:9: error: activities[1].id: duplicate activity id 'hitung-keripik'",
    ),
    case(
        "duplicate-question-id",
        [
            Edit(K, "    - type: text\n", "    - type: text\n      id: kas\n"),
            Edit(K, "    - type: order\n", "    - type: order\n      id: kas\n"),
        ],
        f"{CATATAN}:25:11: error: quiz.questions[2].id: duplicate question id 'kas'",
    ),
    case(
        "duplicate-module-id",
        Edit(C, "  - catatan\n", "  - catatan\n  - harga\n"),
        f"{CURRICULUM}:17:5: error: modules[2]: duplicate module id 'harga'",
    ),
    case(
        "dangling-module-reference",
        Edit(C, "  - catatan\n", "  - catatan\n  - pupuk\n"),
        f"{CURRICULUM}:17:5: warning: modules[2]: module 'pupuk' is not scheduled in the guide",
        f"{CURRICULUM}:17:5: error: modules[2]: no module file modules/pupuk.yml",
    ),
    case(
        "unknown-objective-in-question",
        Edit(H, "      objective: tentukan-harga", "      objective: tentukan-laba"),
        f"{HARGA}:7:3: warning: objectives.tentukan-harga: no question or activity "
        "assesses this objective",
        f"{HARGA}:53:18: error: quiz.questions[1].objective: unknown objective 'tentukan-laba'; "
        "objectives of this module: hitung-hpp, tentukan-harga",
    ),
    case(
        "unknown-objective-in-activity",
        Edit(H, "objectives: [hitung-hpp]", "objectives: [hitung-hpp, hitung-laba]"),
        f"{HARGA}:37:30: error: activities[0].objectives[1]: unknown objective 'hitung-laba'; "
        "objectives of this module: hitung-hpp, tentukan-harga",
    ),
    case(
        "unknown-activity-in-step",
        Edit(H, "activity: hitung-keripik", "activity: hitung-kripik"),
        f"{HARGA}:66:17: error: session.steps[1].activity: unknown activity 'hitung-kripik'",
    ),
    case(
        "step-without-title-or-activity",
        Edit(H, "      title: Diskusi\n", ""),
        f"{HARGA}:68:7: error: session.steps[2]: a step needs a 'title' or an 'activity'",
    ),
    case(
        "reserved-slug-as-lesson-id",
        Edit(H, "id: harga-jual", "id: kuis"),
        f"{HARGA}:21:9: error: lessons[1].id: 'kuis' is the address of a generated page; "
        "rename the lesson",
    ),
    case(
        "unassessed-objective",
        Edit(K, "      objective: catat-kas\n", ""),
        f"{CATATAN}:6:3: warning: objectives.catat-kas: no question or activity "
        "assesses this objective",
    ),
    case(
        "module-minutes-differ-from-steps",
        Edit(H, "minutes: 60", "minutes: 90"),
        f"{HARGA}:4:10: warning: minutes: the module says 90 minutes but its session steps "
        "add up to 60",
    ),
]


def test_the_fixture_is_valid(mini) -> None:
    assert mini.lines() == []


def test_there_are_enough_kinds_of_bad_input() -> None:
    assert len({c.name for c in CASES}) == len(CASES)
    assert sum(bool(c.expected) for c in CASES) >= 30


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_input(mini, bad: Case) -> None:
    for edit in bad.edits:
        mini.edit(edit.file, edit.old, edit.new)
    assert mini.lines() == list(bad.expected)


# --- bad inputs that are whole files or names ---------------------------------


def test_module_file_listed_nowhere(mini) -> None:
    mini.write("modules/pupuk.yml", "title: Pupuk\nsummary: Membuat pupuk kompos.\n")
    assert mini.lines() == [
        (
            "contoh/modules/pupuk.yml:1:1: warning: module 'pupuk' is not listed in curriculum.yml "
            "and is not built"
        )
    ]


def test_module_file_name_not_a_slug(mini) -> None:
    mini.write("modules/Pupuk_Organik.yml", "title: Pupuk\nsummary: Membuat pupuk kompos.\n")
    assert mini.lines() == [
        (
            "contoh/modules/Pupuk_Organik.yml:1:1: error: file name 'Pupuk_Organik' is not a valid "
            "id: use lowercase letters, digits and hyphens, at most 64 characters, "
            "e.g. 'harga-jual'"
        )
    ]


def test_curriculum_folder_name_not_a_slug(mini) -> None:
    mini.curriculum.rename(mini.root / "Contoh_Kurikulum")
    assert mini.lines() == [
        (
            "Contoh_Kurikulum/curriculum.yml:1:1: error: folder name 'Contoh_Kurikulum' is not a "
            "valid id: use lowercase letters, digits and hyphens, at most 64 characters, "
            "e.g. 'harga-jual'"
        )
    ]


def test_reserved_slug_as_module_id(mini) -> None:
    mini.path(K).rename(mini.path("modules/kuis.yml"))
    mini.edit(C, "  - catatan\n", "  - kuis\n")
    mini.edit(C, "        - module: catatan", "        - module: kuis")
    text = mini.read(C)
    assert text.count("        module: catatan\n") == 3  # the tests' own questions
    mini.write(C, text.replace("        module: catatan\n", "        module: kuis\n"))
    assert mini.lines() == [
        (
            f"{CURRICULUM}:16:5: error: modules[1]: 'kuis' is the address of a generated page; "
            "rename it"
        )
    ]


def test_yaml_extension(mini) -> None:
    mini.path(K).rename(mini.path("modules/catatan.yaml"))
    assert mini.lines() == [
        f"{CURRICULUM}:16:5: error: modules[1]: no module file modules/catatan.yml",
        "contoh/modules/catatan.yaml:1:1: error: module files end in .yml, not .yaml",
    ]


def test_non_utf8_bytes(mini) -> None:
    raw = mini.path(K).read_bytes()
    assert raw.count(b"summary: Mencatat uang") == 1
    mini.write(K, raw.replace(b"summary: Mencatat uang", b"summary: Mencatat caf\xe9"))
    assert mini.lines() == [f"{CATATAN}:3:22: error: file is not UTF-8 (byte 0xe9)"]


def test_non_utf8_bytes_after_a_byte_order_mark(mini) -> None:
    mini.write(K, b"\xef\xbb\xbftitle: caf\xe9\n")
    assert mini.lines() == [f"{CATATAN}:1:11: error: file is not UTF-8 (byte 0xe9)"]


def test_empty_file(mini) -> None:
    mini.write(K, "")
    assert mini.lines() == [f"{CATATAN}:1:1: error: file is empty; expected a mapping of keys"]


def test_file_with_only_comments(mini) -> None:
    mini.write(C, "# belum diisi\n")
    assert mini.lines() == [f"{CURRICULUM}:1:1: error: file is empty; expected a mapping of keys"]


def test_top_level_list(mini) -> None:
    mini.write(K, "# daftar\n- title: Catatan Kas\n  summary: Mencatat.\n")
    assert mini.lines() == [f"{CATATAN}:2:1: error: the top level must be a mapping of keys"]


def test_top_level_text(mini) -> None:
    mini.write(K, "Catatan Kas\n")
    assert mini.lines() == [f"{CATATAN}:1:1: error: the top level must be a mapping of keys"]


def test_file_over_2_mb(mini) -> None:
    padding = "# " + "x" * 80 + "\n"
    text = mini.read(K) + padding * (2 * 1024 * 1024 // len(padding) + 1)
    mini.write(K, text)
    size = len(text.encode())
    assert mini.lines() == [
        f"{CATATAN}:1:1: error: file is {size:,} bytes; the limit is 2 MB (2,097,152 bytes)"
    ]


def test_deep_nesting_is_refused(mini) -> None:
    mini.edit(H, "title: Harga Jual", "title: " + "[" * 1000 + "]" * 1000)
    assert mini.lines() == [
        f"{HARGA}:2:57: error: lists and mappings are nested more than 50 levels deep"
    ]


def test_billion_laughs_is_refused_quickly(mini) -> None:
    mini.write(K, BILLION_LAUGHS)
    started = time.perf_counter()
    lines = mini.lines()
    assert time.perf_counter() - started < 0.5
    assert lines == [f"{CATATAN}:3:4: error: anchors (&name) are not allowed; write values out"]


def test_a_byte_order_mark_is_fine(mini) -> None:
    mini.write(K, b"\xef\xbb\xbf" + mini.path(K).read_bytes())
    mini.edit(K, "answer: false", "answer: salah")
    assert mini.lines() == [
        (
            f"{CATATAN}:18:15: error: quiz.questions[0].answer: expected true or false, "
            "got the text 'salah'"
        )
    ]


def test_hidden_files_are_ignored(mini) -> None:
    mini.write("modules/._harga.yml", b"\x00\x05\x16\x07Mac OS X\xff")  # macOS on a USB stick
    mini.write("modules/.catatan.yml", "title: [\n")
    assert mini.lines() == []


def test_missing_modules_folder(mini) -> None:
    for path in mini.path("modules").iterdir():
        path.unlink()
    mini.path("modules").rmdir()
    assert mini.lines() == [
        f"{CURRICULUM}:15:5: error: modules[0]: no module file modules/harga.yml",
        f"{CURRICULUM}:16:5: error: modules[1]: no module file modules/catatan.yml",
    ]


# --- all problems at once -----------------------------------------------------


def test_all_problems_of_all_files_in_one_run_sorted_by_file_and_line(mini) -> None:
    mini.edit(K, "answer: false", "answer: salah")  # catatan, line 18
    mini.edit(K, "minutes: 30\n", "minute: 30\n")  # catatan, line 4
    mini.edit(K, "      practice: true\n", "      practice: true\n      practice: false\n")
    mini.edit(H, "pass: 60", "pass: 120")  # harga, line 39
    mini.edit(H, "id: harga-jual", "id: Harga_Jual")  # harga, line 21
    mini.edit(C, "level: Dasar\n", "level: Dasar\nlevel: Lanjut\n")  # curriculum, line 6
    mini.edit(C, "  - catatan\n", "  - catatan\n  - pupuk\n")  # curriculum, line 18
    mini.write("modules/pupuk.yaml", "title: Pupuk\n")
    mini.write("modules/kompos.yml", "title: [Kompos\n")
    assert mini.lines() == [
        f"{CURRICULUM}:6:1: error: duplicate key 'level' (first defined on line 5)",
        f"{CURRICULUM}:18:5: warning: modules[2]: module 'pupuk' is not scheduled in the guide",
        f"{CURRICULUM}:18:5: error: modules[2]: no module file modules/pupuk.yml",
        f"{CATATAN}:4:1: error: unknown key 'minute' (did you mean 'minutes'?)",
        (
            f"{CATATAN}:18:15: error: quiz.questions[0].answer: expected true or false, "
            "got the text 'salah'"
        ),
        f"{CATATAN}:46:7: error: duplicate key 'practice' (first defined on line 45)",
        (
            f"{HARGA}:21:9: error: lessons[1].id: 'Harga_Jual' is not a valid id: "
            "use lowercase letters, digits and hyphens"
        ),
        f"{HARGA}:39:9: error: quiz.pass: must be at most 100, got the number 120",
        (
            "contoh/modules/kompos.yml:1:1: warning: module 'kompos' is not listed in "
            "curriculum.yml and is not built"
        ),
        (
            "contoh/modules/kompos.yml:2:1: error: YAML syntax: expected ',' or ']', "
            "but got '<stream end>'"
        ),
        "contoh/modules/pupuk.yaml:1:1: error: module files end in .yml, not .yaml",
    ]
