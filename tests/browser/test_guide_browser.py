"""The guide on a phone and the print button, in a real site (``mkdocs build --strict``).

The guide fixtures (``usaha-warung``, two days) are built once and opened from
file:// in Chromium. At 360 px every agenda row is a card whose time, title,
length and notes lie inside the screen, with nothing to scroll sideways; at
1280 px and on paper the agenda stays a table. The print button of the
printable guide and the learner book shows only with its script, calls
``window.print()`` (recorded by a stub the page gets before its scripts run) and
is not printed.
"""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from support.helpers import guide_project

from generator.outputs.mkdocs_site import build_site

pytestmark = pytest.mark.browser

RECORD_PRINT = "window.__printed = 0; window.print = function () { window.__printed += 1; };"
"""Stands in for the print dialog, which headless Chromium would not show."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = guide_project(tmp_path_factory.mktemp("guide-browser"))
    return build_site(project / "mkdocs.yml", project / "site", strict=True)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    opened = browser.new_context(viewport={"width": 360, "height": 740})
    opened.add_init_script(RECORD_PRINT)
    yield opened
    opened.close()


def _open(context: BrowserContext, site: Path, address: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((site / address / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert [e for e in errors if "search_index" not in e] == []
    return page


def _rows(page: Page) -> list[dict[str, Any]]:
    """Each agenda row: its display, its cells' texts and boxes, its table's scroll widths."""
    rows: list[dict[str, Any]] = page.evaluate(
        """() => Array.from(document.querySelectorAll('.berdaya-day tbody tr')).map(tr => {
          const wrap = tr.closest('.md-typeset__scrollwrap');
          return {
            display: getComputedStyle(tr).display,
            cells: Array.from(tr.cells).map(td => {
              const box = td.getBoundingClientRect();
              return {text: td.innerText.trim(), left: box.left, right: box.right,
                      shown: getComputedStyle(td).display !== 'none'};
            }),
            scroll: wrap ? [wrap.scrollWidth, wrap.clientWidth] : null,
          };
        })"""
    )
    return rows


def test_agenda_rows_are_cards_on_a_phone(context: BrowserContext, site: Path) -> None:
    page = _open(context, site, "usaha-warung/panduan")
    rows = _rows(page)
    assert len(rows) == 13, "two days: 7 + 5 sessions and the free time before lunch"
    for row in rows:
        assert row["display"] == "block"
        scroll_width, client_width = row["scroll"]
        assert scroll_width <= client_width, "nothing to scroll sideways"
        for cell in row["cells"]:
            if cell["text"]:
                assert cell["shown"]
                assert cell["left"] >= 0, cell
                assert cell["right"] <= 360, cell
    texts = [[cell["text"] for cell in row["cells"]] for row in rows]
    assert texts[0] == [
        "08:00–08:30",
        "Pembukaan dan pre-test",
        "30 menit",
        (
            "Perkenalan singkat, lalu pre-test:\n• soal 1 dan 2 dari kuis Modal\n"
            "• soal 1 dari kuis Harga"
        ),
    ]
    assert texts[1][:3] == ["08:30–09:30", "Modal Warung", "1 jam"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not page.locator(".berdaya-day thead").first.is_visible(), "headings give way to cards"


def test_session_plans_fit_a_phone_and_show_clock_times(
    context: BrowserContext, site: Path
) -> None:
    page = _open(context, site, "usaha-warung/panduan")
    plan = page.locator("#plan-modal").locator("xpath=..").locator("tbody tr")
    expect(plan).to_have_count(3)
    first = plan.first.locator("td")
    assert first.nth(0).inner_text() == "08:30–08:40"
    assert first.nth(1).inner_text() == "Cerita warung Bu Sari"
    box = plan.nth(1).bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_agenda_is_a_table_on_a_desktop_and_on_paper(browser: Browser, site: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = _open(context, site, "usaha-warung/panduan")
        assert {row["display"] for row in _rows(page)} == {"table-row"}
        expect(page.locator(".berdaya-day thead").first).to_be_visible()
    finally:
        context.close()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = _open(context, site, "usaha-warung/panduan")
        page.emulate_media(media="print")
        assert {row["display"] for row in _rows(page)} == {"table-row"}
    finally:
        context.close()


@pytest.mark.parametrize(
    ("address", "label"),
    [("usaha-warung/panduan-cetak", "Cetak"), ("usaha-warung/buku-peserta", "Cetak")],
)
def test_the_print_button_prints_and_is_not_printed(
    context: BrowserContext, site: Path, address: str, label: str
) -> None:
    page = _open(context, site, address)
    button = page.get_by_role("button", name=label)
    expect(button).to_have_count(1)
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    expect(button).to_be_hidden()


def test_the_english_print_button(context: BrowserContext, site: Path) -> None:
    page = _open(context, site, "shop-basics/guide-print")
    button = page.get_by_role("button", name="Print")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1


def test_without_scripts_there_is_no_print_button(browser: Browser, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((site / "usaha-warung" / "panduan-cetak" / "index.html").as_uri())
        expect(page.locator(".berdaya-print__button")).to_have_count(1)
        expect(page.locator(".berdaya-print__button")).to_be_hidden()
    finally:
        context.close()


def test_the_web_guide_has_no_print_button(context: BrowserContext, site: Path) -> None:
    page = _open(context, site, "usaha-warung/panduan")
    expect(page.locator(".berdaya-print")).to_have_count(0)
