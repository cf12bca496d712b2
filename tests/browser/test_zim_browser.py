"""The ZIM export in Chromium at phone size, served by ``kiwix-serve`` on 127.0.0.1.

The way a hotspot (a Raspberry Pi running kiwix-serve) gives a ZIM to phones:
the learner's ZIM of the mini curriculum is served on a free port of
127.0.0.1 with ``--nosearchbar``, which keeps kiwix-serve (up to 3.3) from
injecting its toolbar over Material's header. At 360x740 a learner takes a
quiz and sees the progress on the curriculum page, and Material's search finds
a lesson. Every request that leaves 127.0.0.1 is aborted and recorded; each
test expects none. Skipped with a reason where kiwix-serve or libzim cannot be
installed (``make test`` installs both).
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from support.helpers import CONTOH, make_project

from generator.outputs.export import ExportRequest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which("kiwix-serve") is None,
        reason="kiwix-serve is not installed: make zim-tools (apt-get install kiwix-tools)",
    ),
]
pytest.importorskip("libzim", reason="libzim is not installed: pip install -e '.[zim]'")

from playwright import sync_api as playwright_api  # noqa: E402 - after the skips

from generator.outputs.zim import export_zim  # noqa: E402 - needs libzim

PHONE = {"width": 360, "height": 740}
BOOK = "contoh"
"""kiwix-serve names a ZIM given on its command line after its file: ``contoh.zim``."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert server.poll() is None, "kiwix-serve stopped"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"kiwix-serve did not listen on 127.0.0.1:{port}")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base address of the ZIM on a kiwix-serve of its own; stopped at the end."""
    project = make_project(tmp_path_factory.mktemp("zim") / "proyek", CONTOH)
    target = project / "dist" / f"{BOOK}.zim"
    export_zim(ExportRequest(project / "mkdocs.yml", output=target))
    port = _free_port()
    command = ["kiwix-serve", "--nosearchbar", "-i", "127.0.0.1", "-p", str(port), str(target)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, server)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


class Phone:
    """A fresh browser context at 360x740 that aborts requests outside 127.0.0.1."""

    def __init__(self, browser: object, base: str) -> None:
        self.base = base
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)  # type: ignore[attr-defined]
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if url.startswith((self.base, "data:", "about:", "blob:")):
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.blocked.append(url)
            route.abort()  # type: ignore[attr-defined]

    def open(self, path: str) -> object:
        self.page.goto(f"{self.base}/{path}")
        return self.page


@pytest.fixture
def phone(browser: object, served: str) -> Iterator[Phone]:
    session = Phone(browser, served)
    yield session
    session.context.close()


def test_the_book_opens_on_the_curriculum_page_with_materials_header_on_top(
    phone: Phone,
) -> None:
    page = phone.open(f"{BOOK}/")
    page.wait_for_url(re.compile(rf"/{BOOK}/contoh/index\.html$"))  # type: ignore[attr-defined]
    playwright_api.expect(page.locator("article h1").first).to_contain_text("Contoh Kurikulum")  # type: ignore[attr-defined]
    assert page.title() == "Contoh Kurikulum"  # type: ignore[attr-defined]
    on_top = page.evaluate(  # type: ignore[attr-defined]
        "() => !!document.elementFromPoint(180, 24).closest('.md-header')"
    )
    assert on_top, "nothing covers Material's header at phone width"
    assert page.locator("#kiwixtoolbar, .kiwix_searchform").count() == 0  # type: ignore[attr-defined]
    assert phone.blocked == []
    assert phone.errors == []


def test_a_quiz_is_taken_and_the_progress_shows_on_the_curriculum_page(phone: Phone) -> None:
    page = phone.open(f"{BOOK}/contoh/harga/kuis.html")
    page.check("input[name=berdaya-q1][value='0']")  # type: ignore[attr-defined]
    page.fill("#berdaya-q2-input", "Rp 9.000")  # type: ignore[attr-defined]
    page.click(".berdaya-quiz__check")  # type: ignore[attr-defined]
    status = page.locator(".berdaya-quiz__status")  # type: ignore[attr-defined]
    playwright_api.expect(status).to_contain_text("100%")
    page.goto(f"{phone.base}/{BOOK}/contoh/index.html")  # type: ignore[attr-defined]
    harga = page.locator(".berdaya-progress[data-module=harga]")  # type: ignore[attr-defined]
    playwright_api.expect(harga).to_have_text(re.compile(r"Lulus \(100\s*%\)"))
    catatan = page.locator(".berdaya-progress[data-module=catatan]")  # type: ignore[attr-defined]
    playwright_api.expect(catatan).to_have_text("Belum dikerjakan")
    assert phone.blocked == []
    assert phone.errors == []


def test_materials_search_finds_a_lesson_and_opens_it(phone: Phone) -> None:
    page = phone.open(f"{BOOK}/contoh/index.html")
    page.click("label.md-header__button[for=__search]")  # type: ignore[attr-defined]
    page.click("input[data-md-component=search-query]")  # type: ignore[attr-defined]
    page.keyboard.type("overhead")  # type: ignore[attr-defined]
    result = page.locator(".md-search-result__item a[href*='harga/hpp.html']").first  # type: ignore[attr-defined]
    result.wait_for()
    result.click()
    page.wait_for_url(re.compile(r"/contoh/harga/hpp\.html"))  # type: ignore[attr-defined]
    heading = page.locator("article h1").first  # type: ignore[attr-defined]
    playwright_api.expect(heading).to_contain_text("Harga pokok produksi")
    assert phone.blocked == []
    assert phone.errors == []


def test_kiwix_full_text_search_finds_the_lesson(phone: Phone) -> None:
    page = phone.open(f"search?content={BOOK}&pattern=overhead")
    link = page.locator("a[href*='harga/hpp.html']").first  # type: ignore[attr-defined]
    playwright_api.expect(link).to_contain_text("Harga pokok produksi")
    assert phone.blocked == []
