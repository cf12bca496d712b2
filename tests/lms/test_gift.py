"""GIFT: tricky escaping round-trips, and a hand-written file is read as Moodle reads it."""

from __future__ import annotations

import textwrap
from pathlib import Path

import yaml
from pydantic import TypeAdapter

from generator.content.diagnostics import sort_diagnostics
from generator.content.model import Question
from generator.lms.bank import BankQuestion, Category
from generator.lms.gift import escape, gift
from generator.lms.gift_read import read_gift

QUESTIONS = TypeAdapter(Question)
TRICKY = """
- type: single
  id: tricky-1
  objective: kurung
  prompt: "Harga {per kg}: Rp5.000 = 5 ribu ~ kira-kira #1 \\\\ garis miring\\n\\n\\
    Baris **baru**: `a:b`"
  hint: "Ingat: {x} = #y"
  choices:
    - text: "[Tautan](https://contoh.id) = benar"
      correct: true
      feedback: "Ya: ~tepat~ #1"
    - text: "%50 bukan bobot"
    - text: "-> panah ~ tilde"
      feedback: "\\\\n bukan baris baru"
- type: multiple
  prompt: "Pilih: a=b dan c{d}"
  points: 3
  choices:
    - {text: "satu :: dua", correct: true}
    - {text: "tiga", correct: true}
    - {text: "empat # lima"}
- type: text
  prompt: "Tulis *"
  answers: ["a*b", "x = y", "{z}"]
- type: number
  prompt: "Berapa -2,5?"
  answer: -2.5
  tolerance: 0.25
  unit: "m²"
- type: match
  prompt: Pasangkan.
  pairs:
    - {left: "a -> b", right: "x = y"}
    - {left: "c: d", right: "{z} -> w"}
- type: order
  prompt: Urutkan.
  items: ["pertama: satu", "kedua = dua", "ketiga {3}"]
"""


def _bank(text: str) -> list[Category]:
    items = yaml.safe_load(textwrap.dedent(text))
    questions = [QUESTIONS.validate_python(item) for item in items]
    return [
        Category(
            "$course$/c/m", "M", [BankQuestion(q, f"c/m/{i}") for i, q in enumerate(questions)]
        )
    ]


def test_escape() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_tricky_texts_round_trip() -> None:
    bank = _bank(TRICKY)
    reading = read_gift(Path("t.gift"), gift(bank).text)
    assert reading.diagnostics == []
    back = [QUESTIONS.validate_python(q.data) for q in reading.questions]
    assert [q.model_dump() for q in back] == [q.question.model_dump() for q in bank[0].questions]


def test_written_form() -> None:
    written = gift(_bank(TRICKY))
    first = written.text.split("\n\n")[1]
    assert first.splitlines() == [
        "// [id:tricky-1] [tag:objective:kurung]",
        "// berdaya-hint: Ingat\\: \\{x\\} \\= \\#y",
        (
            "::tricky-1::[markdown]Harga \\{per kg\\}\\: Rp5.000 \\= 5 ribu \\~ kira-kira \\#1 "
            "\\\\ garis miring\\n\\nBaris **baru**\\: `a\\:b`{"
        ),
        "\t=[markdown][Tautan](https\\://contoh.id) \\= benar#Ya\\: \\~tepat\\~ \\#1",
        "\t~[markdown]%50 bukan bobot",
        "\t~-> panah \\~ tilde#\\\\n bukan baris baru",
        "}",
    ]
    assert written.losses == {
        "hint": ["c/m/0"],
        "points": ["c/m/1"],
        "unit": ["c/m/3"],
        "order": ["c/m/5"],
    }
    assert "\t~%50%satu \\:\\: dua" in written.text
    assert "\t~%-50%empat \\# lima" in written.text
    assert "\t=[html]a -&gt; b -> x \\= y" in written.text


MOODLE_GIFT = """\
// A file as a teacher writes it for Moodle.
$CATEGORY: $course$/Pertanian/Kompos

::Kompos matang::Kompos yang matang berbau seperti apa?{
  =Tanah#Benar.
  ~%50%Sedikit asam#Hampir.
  ~Busuk
####Bau tanah tanda kompos matang.}

// [id:tf-1] [tag:objective:kompos] [tag:minggu-1]
Kompos perlu disiram.{T#Salah#Benar}

::Tahun::[html]<p>Tahun berapa <b>UU Desa</b>?</p><table><tr><td>x</td></tr></table>{#2014:0}

Suhu kompos yang baik?{#50..70 =%50%45 ~#Terlalu dingin}

Sebutkan pupuk hijau.{=Kacang babi =%50%Lamtoro =Gamal*}

Pasangkan.{
=Daun -> hijau
=Ranting -> coklat
= -> ungu
}

Tulis esai tentang kompos.{}

Sekadar keterangan.

Rusak {=a
"""


def test_a_moodle_gift_file_is_read_with_positions() -> None:
    reading = read_gift(Path("moodle.gift"), MOODLE_GIFT)
    assert [d.format() for d in sort_diagnostics(reading.diagnostics)] == [
        "moodle.gift:6:3: warning: the partial grade 50% is not kept: a wrong choice",
        "moodle.gift:11:1: warning: the tag 'minggu-1' is not kept",
        "moodle.gift:11:23: warning: true/false feedback is not kept (Berdaya has an explanation)",
        "moodle.gift:13:10: warning: <table> has no Markdown form: only its text is kept",
        "moodle.gift:15:32: warning: only the first fully right number is kept",
        "moodle.gift:15:40: warning: feedback for wrong numbers is not kept",
        "moodle.gift:17:36: warning: an answer graded 50% is not kept (Berdaya: right or not)",
        "moodle.gift:17:49: warning: the wildcard '*' is kept as the character '*'",
        "moodle.gift:22:1: warning: an extra answer without a question is not kept",
        (
            "moodle.gift:25:28: warning: an essay question (no answers) has no Berdaya form: "
            "not imported"
        ),
        "moodle.gift:27:1: warning: a description (no answers) is not a question",
        "moodle.gift:29:7: error: unmatched '{' or '}'",
    ]
    data = [q.data for q in reading.questions]
    assert {q.category for q in reading.questions} == {"$course$/Pertanian/Kompos"}
    assert data[0] == {
        "type": "single",
        "id": "kompos-matang",
        "prompt": "Kompos yang matang berbau seperti apa?",
        "choices": [
            {"text": "Tanah", "correct": True, "feedback": "Benar."},
            {"text": "Sedikit asam", "feedback": "Hampir."},
            {"text": "Busuk"},
        ],
        "explanation": "Bau tanah tanda kompos matang.",
    }
    assert data[1] == {
        "type": "true-false", "id": "tf-1", "objective": "kompos",
        "prompt": "Kompos perlu disiram.", "answer": True,
    }  # fmt: skip
    assert data[2]["prompt"] == "Tahun berapa **UU Desa**?\n\nx"
    assert data[2]["answer"] == 2014
    assert (data[3]["answer"], data[3]["tolerance"]) == (60, 10)
    assert data[4]["answers"] == ["Kacang babi", "Gamal*"]
    assert data[5]["pairs"] == [
        {"left": "Daun", "right": "hijau"},
        {"left": "Ranting", "right": "coklat"},
    ]
