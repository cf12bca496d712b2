"""The offline app in Chromium at 360 px: one visit online, then quizzes with no connection.

A real site (the mini curriculum ``contoh`` and ``usaha-warung`` of the guide
fixtures, built with ``mkdocs build --strict``) is served by Python's
``http.server`` on 127.0.0.1 and a random port, from a thread. The learner opens
the curriculum page once; the service worker keeps that curriculum; the browser
context goes offline; a quiz page never opened before opens, is taken, and the
curriculum page shows the progress. The other curriculum and the trainer's
guide were not kept. A site published again with a changed lesson replaces the
kept copy on the next visit.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from playwright.sync_api import Error as PlaywrightError
from support.helpers import CONTOH, GUIDE, build, make_project

pytestmark = pytest.mark.browser

READY = "Tersedia tanpa internet di perangkat ini"
KEPT = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
  }
  return urls;
}"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        del format, args


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("app"), CONTOH, GUIDE / "usaha-warung")
    return build(project)


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 and a free port, served from a thread."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(10000)
    yield context
    context.close()


def _errors(page: Page) -> list[str]:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def test_a_curriculum_opened_once_works_offline(context: BrowserContext, server: str) -> None:
    page = context.new_page()
    errors = _errors(page)
    page.goto(f"{server}/contoh/")
    status = page.locator(".berdaya-offline")
    status.and_(page.locator('[data-state="ready"]')).wait_for(timeout=60000)
    assert status.inner_text() == READY
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)") == "activated"
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == f"{server}/manifest.webmanifest"
    assert manifest["errors"] == []
    assert manifest["manifest"]["startUrl"] == f"{server}/"
    installable = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [e["errorId"] for e in installable] == ["in-incognito"]  # Playwright's contexts are
    kept = page.evaluate(KEPT)
    assert "/contoh/harga/kuis/" in kept
    assert "/contoh/glosarium/" in kept
    assert "/search/search_index.json" in kept
    assert not [url for url in kept if url.startswith("/usaha-warung/")]  # another curriculum
    assert not [url for url in kept if "/panduan" in url]  # the trainer's guide

    context.set_offline(True)
    page.goto(f"{server}/contoh/harga/kuis/")  # never opened before
    page.locator('#berdaya-q1 input[value="0"]').check()
    page.locator("#berdaya-q2 input").fill("Rp 9.000")
    page.get_by_role("button", name="Periksa jawaban").click()
    assert page.locator(".berdaya-quiz__status").inner_text().startswith("Skor: 100% — Lulus")
    page.goto(f"{server}/contoh/")
    assert page.locator(".berdaya-progress").first.inner_text() == "Lulus (100%)"
    summary = page.locator(".berdaya-progress-summary__text").inner_text()
    assert summary == "Kemajuan Anda: 1 dari 2 modul lulus."
    assert status.inner_text() == READY
    found = page.evaluate("fetch('../search/search_index.json').then(r => r.json())")
    assert any(doc["location"] == "contoh/harga/kuis/" for doc in found["docs"])
    assert errors == []
    for address in ("usaha-warung/", "usaha-warung/catat/kuis/", "contoh/panduan/"):
        other = context.new_page()  # a page of its own: an error page ends its navigations
        with pytest.raises(PlaywrightError, match=r"net::ERR_FAILED"):  # the worker had nothing
            other.goto(f"{server}/{address}")
        other.close()


def test_the_site_works_where_there_is_no_service_worker(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    try:
        page = context.new_page()
        errors = _errors(page)
        page.goto(f"{server}/contoh/")
        page.wait_for_load_state("load")
        assert not page.locator(".berdaya-offline").is_visible()
        assert page.locator(".berdaya-progress-summary__text").inner_text().startswith("Kemajuan")
        assert errors == []
    finally:
        context.close()


def test_a_published_change_replaces_the_kept_copy(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The site is built again with a changed lesson: the next visit online fetches it."""
    project = make_project(tmp_path_factory.mktemp("app-update"), CONTOH)
    site = build(project)
    handler = functools.partial(_Quiet, directory=str(site))  # the swapped-in site is served
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}"
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.set_default_timeout(10000)
    try:
        page = context.new_page()
        page.goto(f"{server}/contoh/")
        page.locator('.berdaya-offline[data-state="ready"]').wait_for(timeout=60000)
        first = page.evaluate("caches.keys()")
        assert len(first) == 1
        lesson = project / "content" / "contoh" / "modules" / "harga.yml"
        text = lesson.read_text(encoding="utf-8")
        lesson.write_text(text.replace("title: Harga Jual", "title: Harga Jual Baru", 1), "utf-8")
        build(project)
        page.goto(f"{server}/contoh/")  # the browser finds the changed worker and installs it
        deadline = time.monotonic() + 60  # the new version kept, the old one deleted
        while (kept := page.evaluate("caches.keys()")) == first or len(kept) != 1:
            assert time.monotonic() < deadline, kept
            page.wait_for_timeout(200)
        page.locator('.berdaya-offline[data-state="ready"]').wait_for()
        context.set_offline(True)
        page.goto(f"{server}/contoh/harga/")
        assert page.locator("article h1").inner_text().startswith("Harga Jual Baru")
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
