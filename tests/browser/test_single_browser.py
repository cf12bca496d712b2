"""The single-file export in Chromium: the file alone, opened from file://, nothing else allowed.

Each exported file is copied alone into an empty folder, as a phone's browser
sees it when WhatsApp or a file manager hands it over. Every request except the
file itself is aborted and recorded, and console errors (a Content-Security-
Policy violation among them) are collected: each test expects none of either.
Phone size (360 by 740) unless a test says otherwise.
"""

from __future__ import annotations

import itertools
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from support.helpers import FIXTURES, LATIHAN_VIEWS, make_project

from generator.outputs.export import ExportRequest
from generator.outputs.single import export_html

pytestmark = pytest.mark.browser

LATIHAN = FIXTURES / "single" / "latihan"
READING_ORDER = LATIHAN_VIEWS
THROWING_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The learner's and the trainer's file, each alone in an empty folder."""
    root = tmp_path_factory.mktemp("single-browser")
    project = make_project(root / "project", LATIHAN)
    alone = {}
    for audience in ("learner", "trainer"):
        request = ExportRequest(project / "mkdocs.yml", (), audience, project / audience)  # type: ignore[arg-type]
        written = export_html(request).files[0].path
        folder = root / f"alone-{audience}"
        folder.mkdir()
        alone[audience] = Path(shutil.copy(written, folder))
    return alone


class Phone:
    """A browser context that lets only the file itself load, and records the rest."""

    def __init__(self, browser: Browser, file: Path, **options: object) -> None:
        self.url = file.as_uri()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        viewport = options.pop("viewport", {"width": 360, "height": 740})
        self.context = browser.new_context(viewport=viewport, **options)  # type: ignore[arg-type]
        self.context.set_default_timeout(5000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("console", self._console)

    def _route(self, route) -> None:
        url = route.request.url
        if url.split("#")[0] == self.url or url.startswith("data:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type in {"error", "warning"}:
            self.errors.append(f"{message.type}: {message.text}")

    def open(self, address: str = "") -> Page:
        self.page.goto(self.url + address)
        return self.page

    def current(self) -> str:
        return self.page.evaluate("document.querySelector('.b-view.is-current').id")

    def at(self, address: str) -> None:
        """Wait until the view at ``address`` is shown (hashchange comes after a click)."""
        shown = "a => (document.querySelector('.b-view.is-current') || {}).id === a"
        try:
            self.page.wait_for_function(shown, arg=address, timeout=3000)
        except Exception:  # noqa: BLE001 - report what is shown instead
            pytest.fail(f"the view {address} is not shown; {self.current()} is")

    def check_clean(self) -> None:
        assert self.blocked == []
        assert self.errors == []


@pytest.fixture
def phone(browser: Browser, files: dict[str, Path]) -> Iterator[Phone]:
    session = Phone(browser, files["learner"])
    yield session
    session.context.close()


def test_the_recorder_sees_what_the_file_would_load(browser: Browser, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text('<img src="beside.png"><img src="https://example.org/x.png">', "utf-8")
    control = Phone(browser, page)
    control.open()
    control.page.wait_for_load_state("load")
    assert sorted(control.blocked) == [
        (tmp_path / "beside.png").as_uri(),
        "https://example.org/x.png",
    ]
    control.context.close()


def test_every_view_opens_by_its_address(phone: Phone) -> None:
    for key in READING_ORDER:
        page = phone.open(f"#{key}")
        phone.at(key)
        view = page.locator(".b-view.is-current")
        heading = view.locator("h1")
        expect(heading).to_be_visible()
        title = view.get_attribute("data-title")
        assert title
        assert heading.inner_text().replace("\u00b6", "").strip() == title
        assert page.locator(".b-view:visible").count() == 1
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{key} is {width} px wide on a 360 px screen"
    phone.open("#/tidak-ada/")
    phone.at("/")
    phone.check_clean()


def test_every_view_opens_by_clicking_next(phone: Phone) -> None:
    page = phone.open()
    for before, after in itertools.pairwise(READING_ORDER):
        phone.at(before)
        view = page.locator(".b-view.is-current")
        view.locator(".b-pager__next, .berdaya-pager a.md-button--primary").click()
        phone.at(after)
    last = page.locator(".b-view.is-current .b-pager__next, .b-view.is-current .berdaya-pager")
    expect(last).to_have_count(0)
    assert page.title() == "Glosarium: Latihan Ponsel · Latihan Ponsel"
    phone.check_clean()


def test_every_view_opens_from_the_menu(phone: Phone) -> None:
    page = phone.open()
    links = page.locator(".b-menu__panel a")
    addresses = [
        href.removeprefix("#")
        for href in links.evaluate_all("l => l.map(a => a.getAttribute('href'))")
    ]
    assert sorted(addresses) == sorted(READING_ORDER)
    for address in addresses:
        page.click(".b-menu > summary")
        link = page.locator(f'.b-menu__panel a[href="#{address}"]')
        if not link.is_visible():  # a module's pages are folded under its title
            link.locator("xpath=ancestor::details[1]/summary").click()
        link.click()
        phone.at(address)
        expect(page.locator(".b-menu__panel")).to_be_hidden()
        expect(link).to_have_attribute("aria-current", "page")
    phone.check_clean()


def test_back_returns_to_the_view_and_the_place(phone: Phone) -> None:
    page = phone.open("#/dasar/")
    page.evaluate("window.scrollTo(0, 250)")
    page.locator(".b-view.is-current a", has_text="Menyimpan nota").first.click()
    phone.at("/dasar/nota/")
    assert page.evaluate("window.scrollY") == 0
    page.go_back()
    phone.at("/dasar/")
    assert page.evaluate("window.scrollY") == 250
    page.go_forward()
    phone.at("/dasar/nota/")
    page.go_back()
    phone.at("/dasar/")
    page.evaluate("window.scrollTo(0, 180)")
    page.wait_for_function("() => history.state && history.state.y === 180")
    page.reload()
    phone.at("/dasar/")
    assert page.evaluate("window.scrollY") == 180, "a reload keeps the place"
    phone.check_clean()


def test_a_heading_address_opens_the_heading(phone: Phone) -> None:
    page = phone.open("#/dasar/buku-kas/#saldo-akhir")
    phone.at("/dasar/buku-kas/")
    heading = page.locator('[id="/dasar/buku-kas/#saldo-akhir"]')
    expect(heading).to_be_in_viewport()
    top = heading.evaluate("h => h.getBoundingClientRect().top")
    at_end = page.evaluate("scrollY + innerHeight >= document.documentElement.scrollHeight - 1")
    assert top >= 48, "below the bar, not under it"
    assert top <= 120 or at_end, "at the top of the screen, unless the page ends first"
    page = phone.open("#/dasar/buku-kas/")
    assert page.evaluate("scrollY") == 0
    page.click("text=cara menghitung saldo")
    page.wait_for_url(re.compile(re.escape("#/dasar/buku-kas/#saldo-akhir") + "$"))
    expect(heading).to_be_in_viewport()
    page.go_back()
    page.wait_for_url(re.compile(re.escape("#/dasar/buku-kas/") + "$"))
    phone.check_clean()


# Quizzes: every question type, right and wrong, and progress after a reload.

RIGHT = [
    ("radio", "0"),
    ("checks", ["0", "1"]),
    ("radio", "false"),
    ("text", "  Buku KAS "),
    ("text", "Rp 85.000"),
    ("order", None),
    ("match", [0, 1, 2]),
]
WRONG = [
    ("radio", "1"),
    ("checks", ["0", "2"]),
    ("radio", "true"),
    ("text", "nota"),
    ("text", "85"),
    ("order-swapped", None),
    ("match", [1, 0, 2]),
]


def answer(page: Page, answers: list[tuple[str, object]]) -> None:
    boxes = page.locator(".b-view.is-current fieldset.berdaya-q")
    assert boxes.count() == len(answers)
    for i, (kind, value) in enumerate(answers):
        box = boxes.nth(i)
        if kind == "radio":
            box.locator(f'input[value="{value}"]').check()
        elif kind == "checks":
            for item in value:  # type: ignore[attr-defined]
                box.locator(f'input[value="{item}"]').check()
        elif kind == "text":
            box.locator("input").fill(str(value))
        elif kind.startswith("order"):
            put_in_order(box)
            if kind == "order-swapped":
                box.locator('.berdaya-order__item[data-item="0"] .berdaya-order__down').click()
        elif kind == "match":
            selects = box.locator("select")
            for row, choice in enumerate(value):  # type: ignore[arg-type]
                selects.nth(row).select_option(str(choice))


def put_in_order(box) -> None:
    """Click move-up buttons until the items are in their original order."""
    for position in range(box.locator(".berdaya-order__item").count()):
        order = box.locator(".berdaya-order__item").evaluate_all("l => l.map(i => +i.dataset.item)")
        for _ in range(order.index(position) - position):
            box.locator(f'li[data-item="{position}"] .berdaya-order__up').click()


def results(page: Page) -> list[str | None]:
    boxes = page.locator(".b-view.is-current fieldset.berdaya-q")
    return [boxes.nth(i).get_attribute("data-result") for i in range(boxes.count())]


def progress(page: Page, module: str) -> str:
    return page.locator(
        f'.b-view.is-current .berdaya-progress[data-module="{module}"]'
    ).inner_text()


def test_every_question_type_answered_right(phone: Phone) -> None:
    page = phone.open("#/dasar/kuis/")
    answer(page, RIGHT)
    page.locator(".b-view.is-current .berdaya-quiz__check").click()
    assert results(page) == ["correct"] * 7
    status = page.locator(".b-view.is-current .berdaya-quiz__status")
    expect(status).to_have_text("Skor: 100% — Lulus (7 dari 7 poin)")
    page.click(".b-bar__title")
    phone.at("/")
    assert progress(page, "dasar") == "Lulus (100%)"
    page.reload()
    assert progress(page, "dasar") == "Lulus (100%)"
    assert progress(page, "lanjut") == "Belum dikerjakan"
    assert "1 dari 2 modul lulus" in page.locator(".berdaya-progress-summary").inner_text()
    phone.open("#/dasar/")
    assert progress(page, "dasar") == "Lulus (100%)"
    keys = page.evaluate("Object.keys(localStorage).sort()")
    assert keys == [
        "berdaya:answers:Berdaya:latihan@2.1",
        "berdaya:last:Berdaya:latihan@2.1",
        "berdaya:progress:Berdaya:latihan@2.1",
    ]
    phone.check_clean()


def test_every_question_type_answered_wrong(phone: Phone) -> None:
    page = phone.open("#/dasar/kuis/")
    answer(page, WRONG)
    page.locator(".b-view.is-current .berdaya-quiz__check").click()
    assert results(page) == ["incorrect"] * 5 + ["partial"] * 2  # a third of order and match
    status = page.locator(".b-view.is-current .berdaya-quiz__status")
    expect(status).to_have_text(re.compile(r"^Skor: 10% — Belum lulus \(0,67 dari 7 poin\)"))
    page.reload()
    page.click(".b-bar__title")
    assert progress(page, "dasar") == "Belum lulus (10%)"
    phone.check_clean()


def test_quizzes_score_where_local_storage_throws(browser: Browser, files: dict[str, Path]) -> None:
    phone = Phone(browser, files["learner"])
    phone.context.add_init_script(THROWING_STORAGE)
    page = phone.open("#/lanjut/kuis/")
    page.locator('.b-view.is-current input[value="0"]').check()
    page.locator(".b-view.is-current .berdaya-quiz__check").click()
    status = page.locator(".b-view.is-current .berdaya-quiz__status")
    expect(status).to_contain_text("Skor: 100% — Lulus (1 dari 1 poin)")
    unsaved = "Peramban ini tidak bisa menyimpan hasil kuis: hasil hilang saat file ditutup."
    expect(status).to_contain_text(unsaved)
    page.click(".b-bar__title")
    assert progress(page, "lanjut") == "Lulus (100%)", "kept for this visit"
    summary = page.locator(".berdaya-progress-summary")
    expect(summary).to_contain_text(unsaved)
    expect(summary.locator("button")).to_have_count(0)
    phone.check_clean()
    phone.context.close()


def test_the_file_offers_to_continue_where_the_learner_stopped(phone: Phone) -> None:
    page = phone.open()
    expect(page.locator(".b-resume")).to_be_hidden()
    phone.open("#/dasar/nota/")
    phone.at("/dasar/nota/")
    page.goto(phone.url)  # opened again from the chat, with no address
    phone.at("/")
    resume = page.locator(".b-view.is-current .b-resume a")
    expect(resume).to_have_text("Lanjutkan: Menyimpan nota")
    resume.click()
    phone.at("/dasar/nota/")
    phone.check_clean()


# Search.


def search(page: Page, words: str) -> list[str]:
    if page.locator(".b-search").is_hidden():
        page.click(".b-bar__search")
    status = page.locator(".b-search__status")
    page.fill("#b-search-input", "")
    expect(status).to_have_text("")
    page.fill("#b-search-input", words)
    expect(status).not_to_have_text("")
    return page.locator(".b-search__results strong").all_inner_texts()


def test_search_finds_a_lesson_by_a_word_of_its_body(phone: Phone) -> None:
    page = phone.open()
    assert search(page, "map") == ["Menyimpan nota"]
    expect(page.locator(".b-search__results mark")).to_have_text("map")
    page.locator(".b-search__results a").first.click()
    phone.at("/dasar/nota/")
    expect(page.locator(".b-search")).to_be_hidden()
    phone.check_clean()


def test_search_finds_activities_and_glossary_terms(phone: Phone) -> None:
    page = phone.open()
    assert search(page, "kelontong") == ["Latihan mencatat kas warung"]
    assert search(page, "selisih harga") == ["Margin"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape("#/glosarium/#margin") + "$"))
    phone.at("/glosarium/")
    assert search(page, "tidakadadimanapun") == []
    expect(page.locator(".b-search__status")).to_have_text(
        "Tidak ada hasil untuk “tidakadadimanapun”."
    )
    phone.check_clean()


@pytest.mark.parametrize("audience", ["learner", "trainer"])
def test_search_never_finds_answer_keys(
    browser: Browser, files: dict[str, Path], audience: str
) -> None:
    phone = Phone(browser, files[audience])
    page = phone.open()
    if audience == "trainer":
        assert "bukti" in page.content(), "the word is in the file: in the guide's answer keys"
    else:
        assert "bukti" not in page.content(), "the learner file holds the quiz keys only sealed"
    assert search(page, "bukti") == []
    assert search(page, "Pengeluaran juga dicatat") == []
    phone.check_clean()
    phone.context.close()


# Trainer, desktop, no scripts.


def test_the_trainer_file_has_the_guide(browser: Browser, files: dict[str, Path]) -> None:
    phone = Phone(browser, files["trainer"], viewport={"width": 1280, "height": 800})
    page = phone.open("#/panduan/")
    phone.at("/panduan/")
    view = page.locator(".b-view.is-current")
    expect(view.locator("h2", has_text="Kunci jawaban")).to_be_visible()
    view.locator("a", has_text="Latihan mencatat kas warung").first.click()
    page.wait_for_url(re.compile(re.escape("#/dasar/#latihan-catat") + "$"))
    phone.at("/dasar/")
    phone.check_clean()
    phone.context.close()
    learner = Phone(browser, files["learner"])
    learner.open("#/panduan/")
    learner.at("/")  # the learner's file has no guide
    learner.check_clean()
    learner.context.close()


def test_without_scripts_the_views_still_open(browser: Browser, files: dict[str, Path]) -> None:
    phone = Phone(browser, files["learner"], java_script_enabled=False)
    page = phone.open()
    visible = page.locator(".b-view:visible")
    expect(visible).to_have_count(1)
    expect(visible.locator("h1")).to_have_text(re.compile(r"^Latihan Ponsel"))
    visible.locator("a", has_text="Dasar Pembukuan").first.click()
    expect(page.locator(".b-view:visible h1")).to_have_text(re.compile(r"^Dasar Pembukuan"))
    page.locator(".b-view:visible a", has_text="Kuis: Dasar Pembukuan").click()
    expect(page.locator(".b-view:visible .berdaya-quiz__noscript")).to_be_visible()
    expect(page.locator(".b-view:visible fieldset.berdaya-q")).to_have_count(7)
    expect(page.locator("details.berdaya-q__key")).to_have_count(0)  # keys are sealed
    expect(page.locator(".b-bar__search")).to_be_hidden()
    phone.check_clean()
    phone.context.close()


def test_the_glossary_term_shows_its_meaning_on_a_tap(phone: Phone) -> None:
    page = phone.open("#/dasar/buku-kas/")
    term = page.locator(".b-view.is-current abbr", has_text="HPP").first
    term.click()
    tip = page.locator(".b-tip")
    expect(tip).to_have_text("Harga pokok produksi, semua biaya untuk membuat satu produk.")
    term.click()
    expect(tip).to_have_count(0)
    phone.check_clean()


def test_no_page_is_wider_than_a_phone(phone: Phone) -> None:
    page = phone.open()
    for key in READING_ORDER:
        phone.open(f"#{key}")
        overflowing = page.evaluate(
            """() => [...document.querySelectorAll('.b-view.is-current *')]
                .filter(e => e.getBoundingClientRect().right > 361 && !e.closest('table'))
                .map(e => e.tagName + '.' + e.className).slice(0, 5)"""
        )
        assert overflowing == [], key
    phone.check_clean()
