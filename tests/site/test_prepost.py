"""The test pages, the results placeholders and the test papers, rendered without a build.

The learner's test page must not depend on the answers at all: the same
questions with other correct choices give the same bytes. Trainer pages carry
the key of the page contract (docs/assessment.md).
"""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from generator.content.check import read_project
from generator.content.prepost import prepost_keys, resolve_tests, tally_data
from generator.content.project import CurriculumSource, find_curricula
from generator.i18n import RESERVED_SLUGS
from generator.site.book import labelled_choices
from generator.site.plan import Options, plan_site
from generator.site.prepost import display_order, papers_and_keys, prepost_html, send_html, tally_html
from generator.site.render import environment, render_pages
from generator.site.scaffold import new_curriculum
from generator.site.sanitize import clean

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINI = FIXTURES / "mini"
SECRETS = (
    "Sembilan ribu ditambah tiga ribu menjadi dua belas ribu.",
    "Uang keluar adalah uang yang dibayarkan usaha.",
)
"""Explanations of the mini curriculum's own test questions: for the trainer's key only."""


def read(root: Path) -> CurriculumSource:
    project = read_project(find_curricula([root]))
    assert [d.format() for d in project.diagnostics] == []
    return project.curricula[0]


@pytest.fixture
def contoh() -> CurriculumSource:
    return read(MINI)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A writable copy of the mini content root."""
    shutil.copytree(MINI, tmp_path, dirs_exist_ok=True)
    return tmp_path


def attribute(html: str, name: str) -> object:
    found = re.search(rf'{name}="([^"]*)"', html)
    assert found, f"no {name} in the HTML"
    return json.loads(unescape(found.group(1)))


def test_the_learner_page_has_no_key(contoh: CurriculumSource) -> None:
    html = prepost_html(contoh, "pre", trainer=False)
    assert attribute(html, "data-test") == {"curriculum": "contoh", "kind": "pre", "count": 4}
    assert "correct" not in html
    assert "berdaya-test__reset" not in html
    for secret in SECRETS:
        assert secret not in html


def test_the_trainer_page_carries_the_key(contoh: CurriculumSource) -> None:
    html = prepost_html(contoh, "pre", trainer=True)
    data = attribute(html, "data-test")
    assert data == {
        "curriculum": "contoh",
        "kind": "pre",
        "count": 4,
        "key": prepost_keys(contoh)["pre"],  # type: ignore[index]
    }
    assert "berdaya-test__reset" in html


def test_the_learner_page_does_not_depend_on_the_answers(copy: Path) -> None:
    """Other correct choices (own questions and a referenced one): the same bytes."""
    before = prepost_html(read(copy), "pre", trainer=False)
    curriculum = copy / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    text = text.replace(
        "          - text: Rp 12.000\n            correct: true\n          - text: Rp 6.000\n",
        "          - text: Rp 12.000\n          - text: Rp 6.000\n            correct: true\n",
    )
    text = text.replace("        answer: false\n", "        answer: true\n")
    text = text.replace(
        "          - text: Membayar sewa\n            correct: true\n          - text: Menjual",
        "          - text: Membayar sewa\n          - text: Menjual",
    )
    curriculum.write_text(text, encoding="utf-8")
    module = copy / "contoh" / "modules" / "harga.yml"
    harga = module.read_text(encoding="utf-8")
    harga = harga.replace(
        "          correct: true\n          feedback: Benar.\n        - text: Harga penjualan\n",
        "          feedback: Benar.\n        - text: Harga penjualan\n          correct: true\n",
    )
    module.write_text(harga, encoding="utf-8")
    changed = read(copy)
    assert prepost_keys(changed) != prepost_keys(read(MINI))  # the edits took
    assert prepost_html(changed, "pre", trainer=False) == before


def test_choices_are_shown_in_the_order_of_the_paper(contoh: CurriculumSource) -> None:
    test = resolve_tests(contoh)["pre"]
    html = prepost_html(contoh, "pre", trainer=False)
    question = test.questions[1].question  # Rp 12.000, Rp 6.000, Rp 9.000 as written
    shown = re.findall(r'name="berdaya-q2" value="(\d)"', html)
    assert shown == [str(i) for i in display_order(question, shuffle=True)]
    assert shown != ["0", "1", "2"]  # mixed
    paper = [o.text for o in labelled_choices(question, shuffle=True)]  # type: ignore[arg-type]
    assert [question.choices[int(i)].text for i in shown] == paper  # type: ignore[union-attr]


def test_shuffle_false_keeps_the_written_order(copy: Path) -> None:
    curriculum = copy / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("  pre:\n", "  pre:\n    shuffle: false\n"), "utf-8")
    html = prepost_html(read(copy), "pre", trainer=False)
    assert re.findall(r'name="berdaya-q2" value="(\d)"', html) == ["0", "1", "2"]
    assert re.findall(r'name="berdaya-q3" value="(\w+)"', html) == ["true", "false"]


def test_the_page_passes_the_sanitiser(contoh: CurriculumSource) -> None:
    html = str(prepost_html(contoh, "post", trainer=True))
    cleaned = clean(html)
    for name in ("data-test", "data-send", "data-search-exclude", "data-type", "hidden"):
        assert name in cleaned, name
    assert attribute(cleaned, "data-test") == attribute(html, "data-test")
    tally = str(tally_html(contoh))
    assert attribute(clean(tally), "data-tally") == tally_data(contoh)


def test_send_and_tally_hold_the_contract_data(contoh: CurriculumSource) -> None:
    assert attribute(send_html(contoh), "data-send") == {
        "curriculum": "contoh",
        "version": "1.0",
        "modules": ["harga", "catatan"],
        "tests": {"pre": 4, "post": 3},
    }
    assert "hidden" not in send_html(contoh)
    assert "hidden" in send_html(contoh, hidden=True)
    assert attribute(tally_html(contoh), "data-tally") == tally_data(contoh)


def test_text_in_the_data_is_escaped(copy: Path) -> None:
    curriculum = copy / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    hostile = "title: Contoh \"'><script>x()</script>"
    curriculum.write_text(text.replace("title: Contoh Kurikulum", hostile, 1), "utf-8")
    html = tally_html(read(copy))
    assert "<script>" not in html
    assert attribute(html, "data-tally")["title"] == "Contoh \"'><script>x()</script>"  # type: ignore[index]


# --- the plan ---------------------------------------------------------------------


def paths(contoh: CurriculumSource, *, trainer: bool) -> list[str]:
    plan = plan_site([contoh], Options(include_guides=trainer))
    return [page.path for page in plan.pages]


def test_learner_and_trainer_builds_have_the_test_pages(contoh: CurriculumSource) -> None:
    learner = paths(contoh, trainer=False)
    trainer = paths(contoh, trainer=True)
    for built in (learner, trainer):
        pre, post = built.index("contoh/tes-awal.md"), built.index("contoh/tes-akhir.md")
        assert pre < built.index("contoh/harga/index.md")
        assert post > built.index("contoh/catatan/kuis.md")
    assert "contoh/panduan/hasil.md" in trainer
    assert "contoh/panduan/hasil.md" not in learner


def test_english_addresses(copy: Path) -> None:
    curriculum = copy / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("level: Dasar\n", "level: Dasar\nlanguage: en\n"), "utf-8")
    built = paths(read(copy), trainer=True)
    assert {"contoh/pre-test.md", "contoh/post-test.md", "contoh/guide/results.md"} <= set(built)


def test_the_test_pages_reserve_their_addresses() -> None:
    assert {"tes-awal", "tes-akhir", "pre-test", "post-test"} <= RESERVED_SLUGS
    assert "hasil" not in RESERVED_SLUGS  # below the guide: a module may be called so


def test_without_tests_there_are_no_test_pages(copy: Path) -> None:
    curriculum = copy / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text[: text.index("tests:\n")], encoding="utf-8")
    project = read_project(find_curricula([copy]))
    built = [p.path for p in plan_site(project.curricula, Options()).pages]
    assert not [p for p in built if "tes-" in p or "hasil" in p]


def test_no_learner_page_holds_a_key(contoh: CurriculumSource, tmp_path: Path) -> None:
    """Every page of the learner build, rendered: no key, no explanation of a test question."""
    plan = plan_site([contoh], Options(include_guides=False))
    texts = render_pages(plan.pages, environment(), tmp_path)
    everything = unescape("\n".join(texts.values()))
    assert '"key"' not in everything
    for secret in SECRETS:
        assert secret not in everything
    trainer = plan_site([contoh], Options(include_guides=True))
    shown = unescape("\n".join(render_pages(trainer.pages, environment(), tmp_path).values()))
    assert '"key"' in shown  # the check can fail: the trainer's pages have them
    for secret in SECRETS:
        assert secret in shown


# --- the guide: papers and keys -------------------------------------------------------


def test_papers_and_keys_letter_the_choices_as_on_screen(contoh: CurriculumSource) -> None:
    pre, post = papers_and_keys(contoh, "id")
    assert (pre.kind, pre.title, pre.points, post.kind) == ("pre", "Tes awal", 5, "post")
    assert [q.number for q in pre.paper] == [1, 2, 3, 4]
    assert [o.text for o in pre.paper[1].options] == ["Rp 12.000", "Rp 9.000", "Rp 6.000"]
    assert [row.letters for row in pre.key] == ["B", "A", "Salah", "A, C"]
    assert pre.key[3].answers == ["A. Membayar sewa", "C. Membeli bahan"]
    assert pre.key[1].explanation == SECRETS[0]
    assert (pre.key[0].module, pre.key[0].objective) == ("Harga Jual", "Menghitung HPP satu produk.")
    assert pre.key[3].points == 2


def test_a_post_test_that_is_the_same_prints_the_same_paper(copy: Path) -> None:
    curriculum = copy / "contoh" / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text[: text.index("  post:\n")] + "  post: same\n", "utf-8")
    pre, post = papers_and_keys(read(copy), "id")
    assert post.same_as_pre
    assert post.title == "Tes akhir"
    assert post.paper == pre.paper
    assert post.key == pre.key


@pytest.mark.parametrize("language", ["id", "en"])
def test_a_new_curriculum_starts_with_both_tests(tmp_path: Path, language: str) -> None:
    content = tmp_path / "content"
    new_curriculum(content, "baru", "Baru", language)  # type: ignore[arg-type]
    project = read_project(find_curricula([content]))
    assert [d.format() for d in project.diagnostics] == []  # a guide, and tests: no warning
    tests = resolve_tests(project.curricula[0])
    assert tests["post"].same_as_pre
    assert len(tests["pre"].questions) == 1
