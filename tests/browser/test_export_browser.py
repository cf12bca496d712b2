"""The offline export in Chromium, opened from the file system with the network blocked.

The fixture project is configured for the web on purpose (Google Fonts,
instant navigation, a GitHub repository link): the export must turn all of it
off. Every request that does not start with ``file:`` is aborted and recorded;
each test expects none.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.helpers import make_web_project

from generator.outputs.export import ExportRequest, export

pytestmark = pytest.mark.browser

from playwright import sync_api as playwright_api  # noqa: E402 - after pytestmark

LOCAL = ("file:", "data:", "about:", "blob:")
BLOCKED: list[str] = []
"""Every request to the network seen in this module (reported at the end)."""


@pytest.fixture(scope="session")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The learner and trainer exports, unzipped: audience -> the folder with index.html."""
    project = make_web_project(tmp_path_factory.mktemp("offline") / "project")
    folders = {}
    for audience in ("learner", "trainer"):
        target = project / "dist" / f"kursus-{audience}.zip"
        export(ExportRequest(project / "mkdocs.yml", audience=audience, output=target))  # type: ignore[arg-type]
        with zipfile.ZipFile(target) as archive:
            archive.extractall(project / audience)
        folders[audience] = project / audience / target.stem
    return folders


class Offline:
    """A fresh browser context whose requests to the network are aborted and recorded."""

    def __init__(self, browser: object, *, report: bool = True) -> None:
        self.report = report
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context()  # type: ignore[attr-defined]
        self.context.route("**/*", self._route)
        self.context.on("request", self._seen)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith(LOCAL):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self._block(url)
            route.abort()  # type: ignore[attr-defined]

    def _seen(self, request: object) -> None:
        url = request.url  # type: ignore[attr-defined]
        if not url.startswith(LOCAL):
            self._block(url)

    def _block(self, url: str) -> None:
        if url not in self.blocked:
            self.blocked.append(url)
            if self.report:
                BLOCKED.append(url)

    def open(self, folder: Path, page: str) -> object:
        self.page.goto((folder / page).as_uri())
        return self.page


@pytest.fixture
def offline(browser: object) -> Iterator[Offline]:
    session = Offline(browser)
    yield session
    session.context.close()


@pytest.fixture(scope="module", autouse=True)
def report_blocked() -> Iterator[None]:
    yield
    print(f"\nexport browser tests: {len(BLOCKED)} request(s) to the network blocked: {BLOCKED}")


def _pages(folder: Path) -> set[str]:
    return {page.relative_to(folder).as_posix() for page in folder.rglob("*.html")}


def test_the_recorder_sees_requests_to_the_network(browser: object) -> None:
    control = Offline(browser, report=False)
    control.page.set_content('<img src="https://example.org/x.png">')  # type: ignore[attr-defined]
    control.page.wait_for_load_state("load")  # type: ignore[attr-defined]
    assert control.blocked == ["https://example.org/x.png"]
    control.context.close()


def test_no_page_requests_anything_from_the_network(
    exports: dict[str, Path], offline: Offline
) -> None:
    learner, trainer = exports["learner"], exports["trainer"]
    pages = [(learner, page) for page in sorted(_pages(learner))]
    pages += [(trainer, page) for page in sorted(_pages(trainer) - _pages(learner))]
    assert (trainer, "contoh/panduan.html") in pages
    for folder, page in pages:
        offline.open(folder, page)
    assert offline.blocked == []
    assert offline.errors == []


def test_search_finds_a_lesson_and_opens_it(exports: dict[str, Path], offline: Offline) -> None:
    page = offline.open(exports["learner"], "index.html")
    page.click("input[data-md-component=search-query]")  # type: ignore[attr-defined]
    page.keyboard.type("overhead")  # type: ignore[attr-defined]
    result = page.locator(".md-search-result__item a[href*='harga/hpp.html']").first  # type: ignore[attr-defined]
    result.wait_for()
    assert page.locator("iframe[hidden]").count() == 1, "search runs in the iframe worker"  # type: ignore[attr-defined]
    result.click()
    page.wait_for_url(re.compile(r"/contoh/harga/hpp\.html"))  # type: ignore[attr-defined]
    heading = page.locator("article h1").first  # type: ignore[attr-defined]
    playwright_api.expect(heading).to_contain_text("Harga pokok produksi")
    assert offline.blocked == []
    assert offline.errors == []


def test_a_quiz_result_shows_on_the_curriculum_page(
    exports: dict[str, Path], offline: Offline
) -> None:
    page = offline.open(exports["learner"], "contoh/harga/kuis.html")
    page.check("input[name=berdaya-q1][value='0']")  # type: ignore[attr-defined]
    page.fill("#berdaya-q2-input", "Rp 9.000")  # type: ignore[attr-defined]
    page.click(".berdaya-quiz__check")  # type: ignore[attr-defined]
    status = page.locator(".berdaya-quiz__status")  # type: ignore[attr-defined]
    playwright_api.expect(status).to_contain_text("100%")
    page.click("a.md-header__button.md-logo")  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/index\.html$"))  # type: ignore[attr-defined]
    page.locator("article a[href='contoh/index.html']").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/contoh/index\.html$"))  # type: ignore[attr-defined]
    harga = page.locator(".berdaya-progress[data-module=harga]")  # type: ignore[attr-defined]
    playwright_api.expect(harga).to_have_text(re.compile(r"Lulus \(100\s*%\)"))
    catatan = page.locator(".berdaya-progress[data-module=catatan]")  # type: ignore[attr-defined]
    playwright_api.expect(catatan).to_have_text("Belum dikerjakan")
    assert offline.blocked == []
    assert offline.errors == []


def test_the_learner_copy_has_no_guide_and_the_trainer_copy_has_one(
    exports: dict[str, Path], offline: Offline
) -> None:
    assert not (exports["learner"] / "contoh" / "panduan.html").exists()
    page = offline.open(exports["learner"], "contoh/index.html")
    assert page.locator("a", has_text="Panduan pelatih").count() == 0  # type: ignore[attr-defined]
    page = offline.open(exports["trainer"], "contoh/index.html")
    page.locator("a", has_text="Panduan pelatih").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(re.compile(r"/contoh/panduan\.html$"))  # type: ignore[attr-defined]
    assert "Balai desa" in page.locator("article").inner_text()  # type: ignore[attr-defined]
    assert offline.blocked == []
