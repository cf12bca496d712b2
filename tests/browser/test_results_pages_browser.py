"""Results on the real pages: the single files of ``kedai`` alone on a phone, and the site.

The learner's file: the pre-test, the module quizzes and the post-test are
taken, then "Kirim hasil" on a test page and on the curriculum page gives the
code of what was stored; the trainer's file turns it into the row it should.
The trainer's file and the trainer site: the tally page turns the chat of the
vectors into the table of the vectors. Single files are opened from file://
alone in an empty folder with every other request blocked; the site (Material,
file://) shows the widgets through its own page loading (``document$``).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect
from support.helpers import make_project
from support.results import kedai, vectors

from generator.outputs.export import ExportRequest
from generator.outputs.mkdocs_site import build_site
from generator.outputs.single import export_html
from generator.results.code import decode

pytestmark = pytest.mark.browser

CHAT = vectors("tally")[0]
TODAY = dt.datetime(2025, 3, 14, 10, 0)  # noqa: DTZ001 - the phone's own local time
SITI_PRE = {1: ["1"], 2: ["0"], 3: ["false"], 4: ["0"], 5: ["1", "2"]}
"""Siti's pre-test answers of the vectors, by question: the values of the inputs to tick."""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The learner's and the trainer's single file, each alone, and the trainer site."""
    root = tmp_path_factory.mktemp("results-pages")
    project = make_project(root / "project", kedai())
    files = {}
    for audience in ("learner", "trainer"):
        request = ExportRequest(project / "mkdocs.yml", (), audience, project / audience)  # type: ignore[arg-type]
        written = export_html(request).files[0].path
        alone = root / f"alone-{audience}"
        alone.mkdir()
        files[audience] = Path(shutil.copy(written, alone))
    files["site"] = build_site(project / "mkdocs.yml", project / "site", strict=True)
    return files


class Phone:
    """A phone-sized context that lets only ``allowed`` load; records the rest and script errors."""

    def __init__(self, browser: Browser, allowed: str, **options: Any) -> None:
        self.allowed = allowed
        self.problems: list[str] = []
        viewport = options.pop("viewport", {"width": 360, "height": 740})
        self.context = browser.new_context(viewport=viewport, **options)
        self.context.set_default_timeout(5000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.clock.set_fixed_time(TODAY)
        self.page.on("pageerror", lambda error: self._script_error(str(error)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.allowed, "data:")):
            route.continue_()
        else:
            self.problems.append(f"blocked: {url}")
            route.abort()

    def _script_error(self, error: str) -> None:
        if "search_index" not in error:  # Material's search index cannot load from file://
            self.problems.append(error)

    def close(self) -> None:
        self.context.close()
        assert self.problems == []


@pytest.fixture
def phone(browser: Browser, built: dict[str, Path]) -> Iterator[Phone]:
    tab = Phone(browser, built["learner"].as_uri())
    yield tab
    tab.close()


def send_code(page: Page, view: Any, name: str | None) -> str:
    view.get_by_role("button", name="Kirim hasil").click()
    if name is not None:
        field = view.get_by_label("Nama lengkap Anda")
        field.fill(name)
        field.press("Enter")
    code = view.locator(".berdaya-send__code code")
    expect(code).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    return code.inner_text()


def test_a_learner_takes_the_pre_test_and_sends_its_answers(
    phone: Phone, built: dict[str, Path]
) -> None:
    page = phone.page
    page.goto(built["learner"].as_uri() + "#/tes-awal/")
    test = page.locator("section[id='/tes-awal/']")
    expect(test.locator(".berdaya-send")).to_be_hidden()
    for number, values in SITI_PRE.items():
        for value in values:
            test.locator(f"input[name='berdaya-q{number}'][value='{value}']").check()
    page.once("dialog", lambda dialog: dialog.accept())
    test.get_by_role("button", name="Kumpulkan jawaban").click()
    expect(test.locator(".berdaya-send")).to_be_visible()
    code = send_code(page, test, "Siti Aminah")
    results = decode(code)
    assert results.name == "SITI-AMINAH"
    assert results.pre == (1, (0,), False, 0, (1, 2))
    assert results.post is None
    assert results.modules == (None, None, None)
    assert results.date == dt.date(2025, 3, 14)
    page.goto(built["learner"].as_uri() + "#/")
    home = page.locator("section[id='/']")
    assert send_code(page, home, None) == code  # the name is asked once


def take_test(page: Page, file: Path, view: str, answers: dict[int, list[str]]) -> Any:
    page.goto(file.as_uri() + f"#{view}")
    test = page.locator(f"section[id='{view}']")
    for number, values in answers.items():
        for value in values:
            test.locator(f"input[name='berdaya-q{number}'][value='{value}']").check()
    page.once("dialog", lambda dialog: dialog.accept())
    test.get_by_role("button", name="Kumpulkan jawaban").click()
    expect(test.locator(".berdaya-send")).to_be_visible()
    return test


def take_quiz(page: Page, file: Path, module: str, answer: str, status: str) -> None:
    page.goto(file.as_uri() + f"#/{module}/kuis/")
    quiz = page.locator(f"section[id='/{module}/kuis/']")
    quiz.locator(f"input[name='berdaya-q1'][value='{answer}']").check()
    quiz.get_by_role("button", name="Periksa jawaban").click()
    expect(quiz.locator(".berdaya-quiz__status")).to_contain_text(status)


def test_the_whole_flow_from_the_learners_phone_to_the_trainers_table(
    browser: Browser, built: dict[str, Path]
) -> None:
    """Pre-test, three quizzes, post-test, "Kirim hasil"; the trainer pastes the message."""
    learner = Phone(browser, built["learner"].as_uri())
    page, file = learner.page, built["learner"]
    take_test(page, file, "/tes-awal/", SITI_PRE)
    take_quiz(page, file, "modal", "true", "100%")
    take_quiz(page, file, "catatan", "false", "0%")
    take_quiz(page, file, "harga", "true", "100%")
    right = {1: ["1"], 2: ["0", "2"], 3: ["true"], 4: ["0"], 5: ["1", "2", "3"]}
    post = take_test(page, file, "/tes-akhir/", right)
    code = send_code(page, post, "Siti Aminah")
    page.goto(file.as_uri() + "#/")
    assert send_code(page, page.locator("section[id='/']"), None) == code
    results = decode(code)
    assert (results.modules, results.pre, results.post) == (
        (100, 0, 100),
        (1, (0,), False, 0, (1, 2)),
        (1, (0, 2), True, 0, (1, 2, 3)),
    )
    learner.close()
    trainer = Phone(browser, built["trainer"].as_uri(), viewport={"width": 1280, "height": 800})
    page = trainer.page
    page.goto(built["trainer"].as_uri() + "#/panduan/hasil/")
    tally(page.locator("section[id='/panduan/hasil/']"), f"14/03/25 16.02 - Siti: {code}")
    assert table_texts(page)["rows"] == [
        ["SITI AMINAH", "2025-03-14", "63%", "100%", "+37", "100 ✓", "0 ✗", "100 ✓", ""]
    ]
    trainer.close()


THROWING_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""


def test_without_storage_the_code_still_holds_the_test_and_the_quizzes(
    browser: Browser, built: dict[str, Path]
) -> None:
    """Kept in window.name for the visit by three scripts: none may drop what another kept."""
    learner = Phone(browser, built["learner"].as_uri())
    page, file = learner.page, built["learner"]
    page.add_init_script(THROWING_STORAGE)
    take_test(page, file, "/tes-awal/", SITI_PRE)
    take_quiz(page, file, "modal", "true", "100%")
    page.goto(file.as_uri() + "#/")
    home = page.locator("section[id='/']")
    first = decode(send_code(page, home, "Siti Aminah"))
    assert (first.modules, first.pre) == ((100, None, None), (1, (0,), False, 0, (1, 2)))
    take_quiz(page, file, "harga", "true", "100%")  # the quiz writes window.name again
    page.reload()
    page.goto(file.as_uri() + "#/")
    again = decode(send_code(page, page.locator("section[id='/']"), None))
    assert (again.name, again.modules, again.pre) == ("SITI-AMINAH", (100, None, 100), first.pre)
    learner.close()


def test_the_trainer_file_tallies_the_chat(browser: Browser, built: dict[str, Path]) -> None:
    tab = Phone(browser, built["trainer"].as_uri())
    page = tab.page
    page.goto(built["trainer"].as_uri() + "#/panduan/hasil/")
    view = page.locator("section[id='/panduan/hasil/']")
    expect(view.locator(".berdaya-tally__nojs")).to_have_count(0)  # replaced by the form
    tally(view, CHAT["text"])
    assert table_texts(page) == CHAT["table"]
    expect(view.locator(".berdaya-tally__problem")).to_have_count(1)
    tab.close()


def test_the_trainer_site_has_both_widgets(browser: Browser, built: dict[str, Path]) -> None:
    site = built["site"]
    tab = Phone(browser, site.as_uri())
    page = tab.page
    page.goto((site / "kedai" / "index.html").as_uri())
    code = send_code(page, page.locator("article"), "Budi Santoso")
    assert decode(code).name == "BUDI-SANTOSO"
    page.goto((site / "kedai" / "panduan" / "hasil" / "index.html").as_uri())
    tally(page.locator("article"), CHAT["text"])
    assert table_texts(page) == CHAT["table"]
    tab.close()


def tally(view: Any, text: str) -> None:
    view.get_by_label("Tempel pesan peserta, obrolan WhatsApp yang diekspor, atau kode").fill(text)
    view.get_by_role("button", name="Baca kode").click()
    expect(view.locator(".berdaya-tally__table")).to_be_visible()


def table_texts(page: Page) -> dict[str, Any]:
    return page.evaluate(
        """() => {
          const table = document.querySelector(".berdaya-tally__table");
          const cells = row => Array.from(row.cells).map(c => c.textContent);
          return {
            header: cells(table.tHead.rows[0]),
            rows: Array.from(table.tBodies[0].rows).map(cells),
            legend: Array.from(document.querySelectorAll(".berdaya-tally__legend li"))
              .map(li => li.textContent),
          };
        }"""
    )
