"""The quiz page's HTML and data: structure, labels, escaping and the size budget."""

from __future__ import annotations

import base64
import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.amounts import format_number, with_unit
from generator.content.check import read_project
from generator.content.model.quiz import Quiz
from generator.content.project import find_curricula
from generator.i18n import STRINGS
from generator.site.plan import plan_site
from generator.site.prose import inline, json_attribute, plain, prose, rebase_media
from generator.site.quiz import quiz_html
from generator.site.render import environment, render_pages
from generator.site.seal import fnv1a, seal, unseal

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ASSETS = ROOT / "generator" / "assets"
VOID = {"input", "br", "hr", "img", "meta", "link"}
BUDGET = 12 * 1024


class Tags(HTMLParser):
    """Every start tag with its attributes; fails on tags that do not nest."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()
        assert self.open == [], f"unclosed: {self.open}"

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open, f"</{tag}> closes nothing"
        assert self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def quiz(questions: list[dict], **options) -> Quiz:
    return Quiz.model_validate({"questions": questions, **options}, strict=False)


ALL_TYPES = [
    {
        "type": "single",
        "prompt": "Apa arti **HPP**?",
        "hint": "Ingat biaya.",
        "explanation": "HPP adalah harga pokok.",
        "choices": [
            {"text": "Harga pokok produksi", "correct": True, "feedback": "Benar sekali."},
            {"text": "Harga penjualan", "feedback": "Bukan."},
        ],
    },
    {
        "type": "multiple",
        "prompt": "Mana biaya?",
        "choices": [
            {"text": "Sewa", "correct": True},
            {"text": "Gaji", "correct": True},
            {"text": "Omzet"},
        ],
    },
    {"type": "true-false", "prompt": "Kas sama dengan laba.", "answer": False},
    {"type": "text", "prompt": "Buku ...", "answers": ["kas", "buku kas"]},
    {"type": "number", "prompt": "Berapa HPP?", "answer": 9000, "unit": "Rp", "tolerance": 500},
    {"type": "order", "prompt": "Urutkan.", "items": ["satu", "dua", "tiga"]},
    {
        "type": "match",
        "prompt": "Pasangkan.",
        "pairs": [{"left": "Masuk", "right": "Jual"}, {"left": "Keluar", "right": "Beli"}],
    },
]


@pytest.fixture(scope="module")
def page() -> Tags:
    return Tags(quiz_html("contoh", "harga", quiz(ALL_TYPES, **{"pass": 60}), "id"))


def data_of(html: str) -> dict:
    quizzes = Tags(html).all("div", **{"class": "berdaya-quiz"})
    assert len(quizzes) == 1
    return json.loads(quizzes[0]["data-quiz"] or "")


def test_one_fieldset_per_question_with_the_prompt_as_legend(page) -> None:
    fieldsets = page.all("fieldset")
    assert [f["data-type"] for f in fieldsets] == [
        "single",
        "multiple",
        "true-false",
        "text",
        "number",
        "order",
        "match",
    ]
    assert len(page.all("legend")) == 7
    assert [f["id"] for f in fieldsets] == [f"berdaya-q{i}" for i in range(1, 8)]


def test_choices_are_radios_and_checkboxes_inside_their_labels() -> None:
    html = quiz_html("c", "m", quiz(ALL_TYPES[:3]), "id")
    assert re.search(
        r'<label><input type="radio" name="berdaya-q1" value="0"> '
        r'<span class="berdaya-choice__text">Harga pokok produksi</span></label>',
        html,
    )
    assert html.count('type="checkbox" name="berdaya-q2"') == 3
    assert re.search(r'value="true"> <span class="berdaya-choice__text">Benar</span>', html)
    assert re.search(r'value="false"> <span class="berdaya-choice__text">Salah</span>', html)


def test_text_and_number_inputs_are_labelled_by_the_prompt(page) -> None:
    text, number = page.all("input", type="text")
    assert text["aria-labelledby"] == "berdaya-q4-prompt"
    assert number["aria-labelledby"] == "berdaya-q5-prompt"
    assert number["inputmode"] == "decimal"
    assert number["aria-describedby"] == "berdaya-q5-unit"
    assert len(page.all("legend", id="berdaya-q4-prompt")) == 1


def test_order_items_are_shown_shuffled(page) -> None:
    items = [a["data-item"] for a in page.all("li") if "data-item" in a]
    assert sorted(items) == ["0", "1", "2"]
    assert items != ["0", "1", "2"]


def test_match_has_a_labelled_select_per_left_item(page) -> None:
    selects = page.all("select")
    assert [s["id"] for s in selects] == ["berdaya-q7-m0", "berdaya-q7-m1"]
    for select in selects:
        assert len(page.all("label", **{"for": select["id"]})) == 1
    assert len(page.all("option")) == 2 * 3


def sealed_of(html: str, curriculum: str = "contoh", module: str = "harga") -> dict:
    return unseal(data_of(html)["sealed"], f"{curriculum}/{module}")  # type: ignore[return-value]


def test_by_default_no_answer_key_is_in_the_page(page) -> None:
    """after-pass: the keys are sealed into the data; the page shows no answer in any form."""
    html = quiz_html("contoh", "harga", quiz(ALL_TYPES, **{"pass": 60}), "id")
    assert not [
        a for t, a in page.tags if t == "details" and "berdaya-q__key" in (a["class"] or "")
    ]
    text = "".join(page.text)
    assert "Lihat jawaban" not in text
    for giveaway in ("Rp 9.000", "buku kas", "HPP adalah harga pokok", "Benar sekali", '"correct"'):
        assert giveaway not in html, giveaway
    assert "Kuis ini memeriksa jawaban dengan JavaScript" in text


def test_the_sealed_data_holds_every_key(page) -> None:
    html = quiz_html("contoh", "harga", quiz(ALL_TYPES, **{"pass": 60}), "id")
    keys = sealed_of(html)["keys"]
    assert len(keys) == 7
    assert "Jawaban yang benar:</strong> Rp 9.000 (± 500)" in keys[4]
    assert "Jawaban yang benar:</strong> kas atau buku kas" in keys[3]
    assert "HPP adalah harga pokok." in keys[0]
    assert 'class="berdaya-fb" data-choice="0"><p>Benar sekali.</p>' in keys[0]


def test_a_quiz_that_reveals_always_also_has_its_keys_behind_details() -> None:
    page = Tags(quiz_html("c", "m", quiz(ALL_TYPES, reveal="always"), "id"))
    keys = [a for t, a in page.tags if t == "details" and "berdaya-q__key" in (a["class"] or "")]
    assert len(keys) == 7
    assert all("open" not in key for key in keys)
    text = "".join(page.text)
    assert text.count("Lihat jawaban") == 7
    assert "Jawaban yang benar: Rp 9.000 (± 500)" in text
    assert "Jawaban yang benar: kas atau buku kas" in text
    assert "Penjelasan:HPP adalah harga pokok." in text.replace("\n", "")
    assert "Kuis ini memeriksa jawaban dengan JavaScript" not in text


@pytest.mark.parametrize(
    ("own", "site", "expected"),
    [
        (None, "after-pass", {"mode": "after-pass"}),
        (None, "never", {"mode": "never"}),
        ("always", "never", {"mode": "always"}),
        ({"after-attempts": 3}, "after-pass", {"mode": "after-attempts", "attempts": 3}),
    ],
)
def test_the_quiz_s_own_reveal_wins_over_the_site_default(own, site, expected) -> None:
    options = {"reveal": own} if own else {}
    html = quiz_html("c", "m", quiz(ALL_TYPES[:1], **options), "id", reveal=site)
    assert data_of(html)["reveal"] == expected


def test_buttons_and_status_region(page) -> None:
    assert page.all("button", type="submit")
    assert len(page.all("p", role="status")) == 1
    text = "".join(page.text)
    assert "Periksa jawaban" in text
    assert "Coba lagi" in text
    assert "7 pertanyaan · nilai lulus 60%" in text


def test_english_labels() -> None:
    html = quiz_html("c", "m", quiz(ALL_TYPES, reveal="always"), "en")
    for label in ("Check answers", "Try again", "Show answer", "Hint", "True", "False"):
        assert label in html
    assert "Correct answer:</strong> Rp 9,000 (± 500)" in html
    assert "Lihat" not in html


def test_answer_data() -> None:
    html = quiz_html("contoh", "harga", quiz(ALL_TYPES, shuffle=True, **{"pass": 60}), "id")
    data = data_of(html)
    assert data["curriculum"] == "contoh"
    assert data["module"] == "harga"
    assert data["lang"] == "id"
    assert data["pass"] == 60
    assert data["shuffle"] is True
    assert data["reveal"] == {"mode": "after-pass"}
    assert data["questions"] == [
        {"type": kind, "points": 1}
        for kind in ("single", "multiple", "true-false", "text", "number", "order", "match")
    ]
    assert sealed_of(html)["answers"] == [
        {"correct": [0]},
        {"correct": [0, 1]},
        {"answer": False},
        {"answers": ["kas", "buku kas"]},
        {"answer": 9000, "tolerance": 500, "unit": "Rp"},
        {"same": [0, 1, 2]},
        {"accept": [[0], [1]]},
    ]


def test_sealing_is_deterministic_and_depends_on_the_quiz() -> None:
    sealed = seal({"a": "Harga pokok"}, "contoh/harga")
    assert sealed == seal({"a": "Harga pokok"}, "contoh/harga")
    assert sealed != seal({"a": "Harga pokok"}, "contoh/kas")
    assert unseal(sealed, "contoh/harga") == {"a": "Harga pokok"}
    assert "Harga" not in base64.b64decode(sealed).decode("latin-1")
    assert fnv1a("") == 0x811C9DC5
    assert fnv1a("a") == 0xE40C292C, "the published FNV-1a 32-bit value"


HOSTILE = '</script><script>alert(1)</script><img src=x onerror="alert(2)"> & <b>bold</b>'


def test_prose_escapes_raw_html_and_keeps_markdown() -> None:
    html = prose(f"**Tebal** {HOSTILE}\n\n<div onclick=x>blok</div>")
    assert "<strong>Tebal</strong>" in html
    assert "<script" not in html
    assert "<img" not in html
    assert "<div" not in html
    assert "&lt;img src=x onerror=" in html
    assert "&lt;/script&gt;&lt;script&gt;" in html
    assert inline("satu paragraf") == "satu paragraf"
    assert plain("**Jual** <b>x</b>") == "Jual &lt;b&gt;x&lt;/b&gt;"


def test_prose_drops_script_links() -> None:
    html = prose("[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c](https://x.org) [d](kas.md)")
    assert "javascript" not in html.lower()
    assert 'href="https://x.org"' in html
    assert 'href="kas.md"' in html


def test_prose_points_media_links_at_the_curriculum_media() -> None:
    html = prose("![Kompos](media/kompos.jpg) [lembar](media/lembar.pdf) [x](https://x.org)", "../")
    assert '<img alt="Kompos" data-berdaya-media="" src="../media/kompos.jpg">' in html
    rebased = rebase_media(html, "../")
    assert '<img alt="Kompos" data-berdaya-media="" src="../../media/kompos.jpg">' in rebased
    assert 'href="../../media/lembar.pdf"' in rebased
    assert 'href="https://x.org"' in rebased
    assert rebase_media(html, "") == html
    assert rebase_media('<img src="media/a.png">', "../") == '<img src="media/a.png">'


def test_hostile_strings_never_leave_text_or_json() -> None:
    questions = [
        {
            "type": "single",
            "prompt": HOSTILE,
            "hint": HOSTILE,
            "explanation": HOSTILE,
            "choices": [{"text": HOSTILE, "correct": True, "feedback": HOSTILE}, {"text": "b"}],
        },
        {"type": "text", "prompt": "t", "answers": [HOSTILE]},
        {"type": "order", "prompt": "o", "items": [HOSTILE, "b"]},
        {
            "type": "match",
            "prompt": "m",
            "pairs": [{"left": HOSTILE, "right": HOSTILE}, {"left": "a", "right": "b"}],
        },
        {"type": "number", "prompt": "n", "answer": 1, "unit": HOSTILE},
    ]
    html = quiz_html("c", "m", quiz(questions), "id")
    tags = Tags(html)
    assert [t for t, _ in tags.tags if t in {"script", "img", "b"}] == []
    assert all(not name.startswith("on") for _, attrs in tags.tags for name in attrs)
    assert "<script" not in html
    sealed = sealed_of(html, "c", "m")
    assert sealed["answers"][1]["answers"] == [HOSTILE]
    for key in sealed["keys"]:
        key_tags = Tags(key)
        assert [t for t, _ in key_tags.tags if t in {"script", "img", "b"}] == []
        assert all(not name.startswith("on") for _, attrs in key_tags.tags for name in attrs)


def test_json_in_an_attribute_cannot_end_it() -> None:
    value = "\"'></div><script>x</script> &amp; \u2028"
    html = f'<div data-x="{json_attribute({"x": value})}"></div>'
    assert Tags(html).all("div")[0] == {
        "data-x": json.dumps({"x": value}, separators=(",", ":"), ensure_ascii=False)
    }
    assert html.count('"') == 2, "the only quotes are the attribute's own"


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (9000, "id", "9.000"),
        (9000, "en", "9,000"),
        (2.5, "id", "2,5"),
        (2.5, "en", "2.5"),
        (1234567.25, "id", "1.234.567,25"),
        (0.05, "en", "0.05"),
        (-3, "id", "-3"),
    ],
)
def test_format_number(value, language, expected) -> None:
    assert format_number(value, language) == expected


def test_units() -> None:
    assert with_unit("9.000", "Rp") == "Rp 9.000"
    assert with_unit("2,5", "kg") == "2,5 kg"
    assert with_unit("3", None) == "3"


def test_points_and_multi_paragraph_prompts() -> None:
    html = quiz_html(
        "c",
        "m",
        quiz([{"type": "true-false", "prompt": "Satu.\n\nDua.", "answer": True, "points": 3}]),
        "id",
    )
    assert '<div class="berdaya-q__prompt"><p>Satu.</p>\n<p>Dua.</p></div>' in html
    assert "(3 poin)" in html


def test_every_string_exists_in_both_languages() -> None:
    for key, row in STRINGS.items():
        assert set(row) == {"id", "en"}, key
        assert all(row.values()), key


def test_quiz_page_of_the_mini_curriculum() -> None:
    project = read_project(find_curricula([FIXTURES / "mini"]))
    plan = plan_site(project.curricula)
    quiz_pages = [p for p in plan.pages if p.template == "quiz.md.j2"]
    texts = render_pages(quiz_pages, environment(), FIXTURES)
    harga = texts["contoh/harga/kuis.md"]
    assert harga.count("<fieldset") == 2
    assert '<div class="berdaya-strings" hidden data-strings="{&quot;quiz.intro' in harga
    assert (
        '<div class="berdaya-quiz" data-curriculum="contoh" data-module="harga" data-quiz=' in harga
    )
    catatan = texts["contoh/catatan/kuis.md"]
    assert [a["data-type"] for a in Tags(catatan.split("\n", 2)[2]).all("fieldset")] == [
        "true-false",
        "text",
        "order",
        "match",
        "multiple",
    ]


def test_progress_placeholders_on_curriculum_and_module_pages() -> None:
    project = read_project(find_curricula([FIXTURES / "mini", FIXTURES / "quiz"]))
    plan = plan_site(project.curricula)
    texts = render_pages(plan.pages, environment(), FIXTURES)
    summary = '<div class="berdaya-progress-summary" data-curriculum="contoh"'
    assert f'{summary} data-modules="harga catatan">' in texts["contoh/index.md"]
    assert 'data-modules="basics"' in texts["practice/index.md"]
    assert (
        '<span class="berdaya-progress" data-curriculum="contoh" data-module="harga">'
        in (texts["contoh/harga/index.md"])
    )
    assert "berdaya-progress" not in texts["practice/extra/index.md"]
    assert "practice/basics/quiz.md" in texts


def test_quiz_script_and_stylesheet_fit_the_budget() -> None:
    """Quiz JS + CSS together at most 12 KB gzipped."""
    files = [ASSETS / "berdaya-quiz.js", ASSETS / "berdaya-quiz.css"]
    size = sum(len(gzip.compress(path.read_bytes(), compresslevel=9)) for path in files)
    print(f"quiz JS + CSS: {size} bytes gzipped")
    assert size <= BUDGET


def test_script_has_no_user_visible_words() -> None:
    """Strings the script shows come from the page; none is written in the script."""
    script = (ASSETS / "berdaya-quiz.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", script, flags=re.DOTALL)
    for key, row in STRINGS.items():
        if key.startswith(("quiz.", "progress.")):
            for text in row.values():
                assert f'"{text}"' not in code, text
    for word in ("Benar", "Salah", "Lulus", "Correct", "Passed", "Skor", "Score"):
        assert word not in code
