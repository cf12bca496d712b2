"""Hostile content never runs: every page of every output opened in Chromium, watched.

The fixture (:mod:`support.hostile`) puts the whole XSS corpus into every text
field of a curriculum, and into the site name. The site is built (trainer:
guide, printable guide and learner book included), exported as a learner zip
and as learner and trainer single files. Every page and every view is opened
with a hook that records each call of ``__xss`` (what a payload would call)
and each dialog; glossary terms are hovered, quizzes checked, tests handed in,
``details`` opened and search used. Then the DOM is audited: no ``on*`` attribute, no
``javascript:`` address, no frame, object, embed or base in the content, no
``style`` with ``url()``. Every count must be zero.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from support.hostile import PAYLOADS, hostile_project

from generator.outputs.export import ExportRequest, export
from generator.outputs.mkdocs_site import build_site
from generator.outputs.single import export_html

pytestmark = pytest.mark.browser

HOOK = """
window.__xssCalls = [];
window.__xss = function (n) { (window.top.__xssCalls || window.__xssCalls).push(String(n)); };
"""
AUDIT = """() => {
  const bad = [];
  const places = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster'];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(el.tagName + '[' + name + ']');
      const where = el.tagName + '[' + name + ']';
      if (places.includes(name) && value.startsWith('javascript:')) bad.push(where);
      if (name === 'style' && value.includes('url(')) bad.push(el.tagName + '[style]');
      if (name === 'srcdoc') bad.push(el.tagName + '[srcdoc]');
    }
  }
  for (const el of document.querySelectorAll('article *, .b-view *')) {
    if (/^(IFRAME|OBJECT|EMBED|BASE|SCRIPT|STYLE)$/.test(el.tagName)) bad.push(el.tagName);
  }
  for (const el of document.querySelectorAll('base')) bad.push('BASE');
  return bad;
}"""
WATCHED: dict[str, int] = {"pages": 0, "calls": 0, "dialogs": 0, "findings": 0, "tests": 0}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The built site, the unzipped learner zip, and each single file alone in a folder."""
    root = tmp_path_factory.mktemp("xss")
    project = hostile_project(root / "project")
    config = project / "mkdocs.yml"
    built = {"site": build_site(config, project / "site", strict=True)}
    zipped = export(ExportRequest(config, output=project / "racun.zip"))
    with zipfile.ZipFile(zipped.path) as archive:
        archive.extractall(root / "zip")
    built["zip"] = root / "zip" / "racun"
    for audience in ("learner", "trainer"):
        request = ExportRequest(config, (), audience, project / audience)  # type: ignore[arg-type]
        file = export_html(request).files[0].path
        (root / f"single-{audience}").mkdir()
        built[f"single-{audience}"] = Path(shutil.copy(file, root / f"single-{audience}"))
    return built


class Watcher:
    """A page in a fresh context with the hook installed and dialogs recorded."""

    def __init__(self, browser: Browser) -> None:
        self.context = browser.new_context(viewport={"width": 360, "height": 740})
        self.context.set_default_timeout(5000)
        self.context.add_init_script(HOOK)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        if route.request.url.startswith(("file:", "data:", "about:", "blob:")):
            route.continue_()
        else:
            route.abort()  # evil.example and the like: never reached

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url: str) -> list[str]:
        """Open ``url``, poke at it like a learner, and return what went wrong."""
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        _exercise(self.page)
        calls = self.page.evaluate("() => window.__xssCalls")
        findings = self.page.evaluate(AUDIT)
        WATCHED["pages"] += 1
        WATCHED["calls"] += len(calls)
        WATCHED["dialogs"] += len(self.dialogs)
        WATCHED["findings"] += len(findings)
        return [*(f"ran __xss({c})" for c in calls), *self.dialogs, *findings]


def _exercise(page: Page) -> None:
    """Hover glossary terms, open details, check quizzes: what makes hidden handlers fire."""
    for term in page.locator("abbr[title]:visible").all()[:3]:
        term.hover()
    page.evaluate(
        "() => document.querySelectorAll('article details, .b-view.is-current details')"
        ".forEach(d => { d.open = true; })"
    )
    check = page.locator(".berdaya-quiz__check:visible")
    if check.count():
        check.first.click()
    hand_in = page.locator(".berdaya-test__submit:visible")
    if hand_in.count():  # a test: answer the first choice, confirm, hand in (score, date, send)
        page.locator(".berdaya-test input:visible").first.check()
        page.evaluate("() => { window.confirm = () => true; }")
        hand_in.first.click()
        WATCHED["tests"] += 1
    page.wait_for_timeout(50)


@pytest.fixture
def watcher(browser: Browser) -> Iterator[Watcher]:
    session = Watcher(browser)
    yield session
    session.context.close()


@pytest.fixture(scope="module", autouse=True)
def report() -> Iterator[None]:
    yield
    print(f"\nXSS corpus: {len(PAYLOADS)} payloads in every text field; watched {WATCHED}")


@pytest.mark.parametrize("output", ["site", "zip"])
def test_no_page_of_the_site_or_the_zip_runs_content(
    outputs: dict[str, Path], watcher: Watcher, output: str
) -> None:
    folder = outputs[output]
    pages = sorted(folder.rglob("*.html"))
    kinds = {p.relative_to(folder).as_posix() for p in pages}
    expected = {"racun/buku-peserta", "racun/glosarium", "racun/harga/kuis", "racun/harga/hpp"}
    expected |= {"racun/tes-awal", "racun/tes-akhir"}
    if output == "site":
        expected |= {"racun/panduan", "racun/panduan-cetak", "racun/panduan/hasil"}
        assert {k.removesuffix("/index.html") for k in kinds} >= expected
    else:
        assert {k.removesuffix(".html") for k in kinds} >= expected
    handed_in = WATCHED["tests"]
    for page in pages:
        assert watcher.visit(page.as_uri()) == [], page.relative_to(folder)
    assert WATCHED["tests"] == handed_in + 2, "the pre-test and the post-test were handed in"


def test_search_results_of_the_zip_run_nothing(outputs: dict[str, Path], watcher: Watcher) -> None:
    page = watcher.page
    page.set_viewport_size({"width": 1280, "height": 800})  # the search box is in the header
    assert watcher.visit((outputs["zip"] / "index.html").as_uri()) == []
    page.click("input[data-md-component=search-query]")
    page.keyboard.type("kurikulum")  # in every title, next to the payloads
    page.locator(".md-search-result__item").first.wait_for()
    assert page.evaluate("() => window.__xssCalls") == []
    assert page.evaluate(AUDIT) == []


@pytest.mark.parametrize("audience", ["learner", "trainer"])
def test_no_view_of_the_single_file_runs_content(
    outputs: dict[str, Path], watcher: Watcher, audience: str
) -> None:
    file = outputs[f"single-{audience}"]
    page = watcher.page
    assert watcher.visit(file.as_uri()) == []
    views = page.evaluate("() => [...document.querySelectorAll('.b-view')].map(v => v.id)")
    assert ("/panduan/" in views) == (audience == "trainer")
    for view in views:
        assert watcher.visit(f"{file.as_uri()}#{view}") == [], view
    page.click(".b-bar__search")
    page.fill("#b-search-input", "xss")
    page.locator(".b-search__results a").first.wait_for()
    assert page.evaluate("() => window.__xssCalls") == []
    assert page.evaluate(AUDIT) == []


def test_text_fields_show_the_payloads_as_text(outputs: dict[str, Path], watcher: Watcher) -> None:
    watcher.visit((outputs["site"] / "racun" / "index.html").as_uri())
    heading = watcher.page.locator("article h1").inner_text()
    assert "<script>__xss(1)</script>" in heading
    assert '{: onclick="__xss(10)" }' in heading
    watcher.visit(outputs["single-learner"].as_uri())
    title = watcher.page.locator(".b-bar__title").inner_text()
    assert "<ScRiPt>__xss(5)</sCrIpT>" in title


def test_the_watcher_sees_a_payload_that_runs(watcher: Watcher, tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text(
        '<article><img src="#" onerror="__xss(2)"><a href="javascript:__xss(6)">x</a>'
        '<iframe srcdoc="<script>parent.__xss(11)</script>"></iframe></article>'
        "<script>alert('dialog')</script>",
        encoding="utf-8",
    )
    problems = watcher.visit(page.as_uri())
    assert "ran __xss(2)" in problems
    assert "ran __xss(11)" in problems
    assert "dialog" in problems
    assert "IMG[onerror]" in problems
    assert "A[href]" in problems
    assert "IFRAME" in problems
