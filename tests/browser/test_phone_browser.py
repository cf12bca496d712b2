"""Reading on a phone (360x740) in Chromium: text sizes, tap targets, the curriculum page's
module cards and the summary after a quiz check, on the bundled *Manajemen Usaha Kecil*.

The site is built with ``mkdocs build --strict`` and served over http; the learner's single
file is exported from the same project and opened from file://.
"""

from __future__ import annotations

import itertools
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from support.helpers import ROOT, build, make_project

from generator.outputs.export import ExportRequest
from generator.outputs.single import export_html

pytestmark = pytest.mark.browser

CURRICULUM = "manajemen-usaha-kecil"
MODULE = "harga-pokok-dan-harga-jual"
PHONE = {"width": 360, "height": 740}
SCREENS = 1.5
"""The first module link must be within this many phone screens from the top."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled curriculum alone, built into site/ and exported as the learner's file."""
    root = make_project(tmp_path_factory.mktemp("phone") / "project", ROOT / "content" / CURRICULUM)
    build(root)
    request = ExportRequest(root / "mkdocs.yml", (), "learner", root / "dist")
    export_html(request)
    return root


@pytest.fixture(scope="module")
def server(project: Path) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=project / "site",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{CURRICULUM}/"
    deadline = time.monotonic() + 10
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, f"{url} does not answer"
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(5000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def font_sizes(page: Page, selector: str) -> list[float]:
    """The computed font size in px of every element matching ``selector``."""
    sizes = page.eval_on_selector_all(
        selector, "all => all.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert sizes, f"nothing matches {selector}"
    return sizes


def box(page: Page, selector: str) -> dict[str, float]:
    """The first matching element's rectangle in the viewport."""
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not shown"
    return found


def test_activity_materials_and_steps_are_16px(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/")
    assert min(font_sizes(page, ".md-typeset .admonition.example li")) >= 16
    assert min(font_sizes(page, ".md-typeset .admonition.example p")) >= 16
    assert min(font_sizes(page, ".md-typeset details summary")) >= 16


def test_glossary_tooltip_is_16px(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/menghitung-hpp/")
    term = page.locator(".md-content abbr[title]").first
    term.scroll_into_view_if_needed()
    term.click()
    tip = page.locator(".md-tooltip2 .md-tooltip2__inner", has_text="Harga pokok produksi")
    expect(tip).to_be_visible()
    assert tip.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16


def test_quiz_prompts_choices_and_feedback_are_16px(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/kuis/")
    assert min(font_sizes(page, ".berdaya-q legend")) >= 16
    assert min(font_sizes(page, ".berdaya-choice label")) >= 16
    assert min(font_sizes(page, ".berdaya-q__hint summary")) >= 16
    choices = page.locator(".berdaya-q:has(.berdaya-choice)").first.locator(".berdaya-choice label")
    rects = [choices.nth(i).bounding_box() for i in range(choices.count())]
    assert len(rects) >= 3
    for a, b in itertools.pairwise(rects):
        assert a is not None
        assert b is not None
        assert a["height"] >= 44
        assert b["y"] - (a["y"] + a["height"]) >= 8
    page.locator(".berdaya-choice input").first.check()
    page.locator(".berdaya-quiz__check").click()
    page.locator(".berdaya-quiz__confirm-check").click()
    assert min(font_sizes(page, ".berdaya-q__result p")) >= 16
    assert min(font_sizes(page, ".berdaya-quiz__summary p, .berdaya-quiz__review a")) >= 16


def test_first_module_link_within_one_and_a_half_screens(page: Page, server: str) -> None:
    page.goto(server)
    assert page.evaluate("window.scrollY") == 0
    link = box(page, ".berdaya-module__title a")
    assert link["y"] + link["height"] < SCREENS * PHONE["height"]  # 1110 px
    assert page.locator(".berdaya-module__title a").first.get_attribute("href") == "ide-usaha/"


def test_previous_and_next_are_44px_and_8px_apart(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/markup-dan-margin/")
    buttons = page.locator(".berdaya-pager .md-button")
    expect(buttons).to_have_count(3)  # previous, back to the module, next
    rects = [box(page, f".berdaya-pager .md-button >> nth={i}") for i in range(3)]
    for rect in rects:
        assert rect["height"] >= 44
    for a, b in itertools.pairwise(rects):
        apart = max(b["y"] - (a["y"] + a["height"]), b["x"] - (a["x"] + a["width"]))
        assert apart >= 8


BROKEN_WORDS = """() => {
  const broken = [];
  for (const button of document.querySelectorAll('.berdaya-pager .md-button')) {
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (range.getClientRects().length > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


def test_pager_titles_with_glossary_terms_wrap_as_one_text(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/markup-dan-margin/")
    # previous: "Menghitung HPP per bungkus", next: "Titik impas (BEP)"; HPP and BEP are terms
    assert page.locator(".berdaya-pager .md-button abbr").count() >= 2
    assert page.evaluate(BROKEN_WORDS) == []


def test_navigation_entries_are_44px(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/markup-dan-margin/")
    page.locator("label.md-header__button[for=__drawer]").click()
    links = page.locator(".md-nav--primary .md-nav__link:visible")
    assert links.count() > 3
    heights = links.evaluate_all("all => all.map(e => e.getBoundingClientRect().height)")
    assert min(heights) >= 44


def test_after_a_check_the_summary_is_in_view_and_focused(page: Page, server: str) -> None:
    page.goto(f"{server}{MODULE}/kuis/")
    page.locator(".berdaya-choice input").first.check()  # question 1 wrong or right, the rest not
    page.locator(".berdaya-quiz__check").click()
    page.locator(".berdaya-quiz__confirm-check").click()
    summary = page.locator(".berdaya-quiz__summary")
    expect(summary).to_be_visible()
    rect = box(page, ".berdaya-quiz__summary")
    header = box(page, ".md-header")
    assert rect["y"] >= header["y"] + header["height"]
    assert rect["y"] < PHONE["height"]
    assert summary.evaluate("s => s.contains(document.activeElement)")
    retry = page.locator(".berdaya-quiz__summary .berdaya-quiz__retry")
    expect(retry).to_be_focused()
    described = retry.get_attribute("aria-describedby")
    assert described
    expect(page.locator(f"#{described} .berdaya-quiz__summary-score")).to_have_text(
        page.locator(".berdaya-quiz__status").evaluate("s => s.firstChild.textContent")
    )
    links = page.locator(".berdaya-quiz__review a")
    assert links.count() >= 7
    expect(links.nth(1)).to_have_text("Soal 2: ✗ Belum dijawab")
    links.nth(1).click()
    second = page.locator(".berdaya-q").nth(1)
    expect(second).to_be_in_viewport()
    page.locator(".berdaya-quiz__summary .berdaya-quiz__retry").click()
    expect(summary).to_be_hidden()


def test_module_cards_show_status_and_next_step(page: Page, server: str) -> None:
    page.goto(server)
    cards = page.locator(".berdaya-module")
    expect(cards).to_have_count(6)
    first = cards.nth(0)
    expect(first.locator(".berdaya-progress")).to_have_text("Belum dikerjakan")
    expect(first.locator(".berdaya-module__go")).to_have_text("Mulai: Dari mana ide usaha datang")
    page.goto(f"{server}ide-usaha/sumber-ide/")
    page.goto(server)
    expect(first.locator(".berdaya-module__seen")).to_have_text("1 dari 3 pelajaran dibuka")
    go = first.locator(".berdaya-module__go")
    expect(go).to_have_text("Lanjutkan: Memilih ide dengan tabel skor")
    go.click()
    expect(page).to_have_url(f"{server}ide-usaha/memilih-ide/")


def test_module_cards_in_the_single_file(browser: Browser, project: Path) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        url = (project / "dist" / f"{CURRICULUM}.html").as_uri()
        page.goto(url + "#/ide-usaha/sumber-ide/")
        page.goto(url + "#/")
        card = page.locator(".b-view.is-current .berdaya-module").first
        go = card.locator(".berdaya-module__go")
        expect(go).to_have_text("Lanjutkan: Memilih ide dengan tabel skor")
        expect(card.locator(".berdaya-module__seen")).to_have_text("1 dari 3 pelajaran dibuka")
        go.click()
        expect(page.locator(".b-view.is-current h1")).to_contain_text("Memilih ide")
        steps = page.locator("[id='/harga-pokok-dan-harga-jual/'] .admonition.example li")
        page.goto(url + "#/harga-pokok-dan-harga-jual/")
        sizes = steps.evaluate_all("a => a.map(e => parseFloat(getComputedStyle(e).fontSize))")
        assert min(sizes) >= 16
    finally:
        context.close()
