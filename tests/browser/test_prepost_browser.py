"""Pre-tests and post-tests in Chromium on a 360 px phone: the site and the single file.

The mini curriculum (``contoh``) is built as a learner site and a trainer site
(``mkdocs build --strict``) and exported as learner and trainer single files.
A learner takes the pre-test once: a confirmation names the unanswered
questions, the answers are stored in the documented format
(docs/assessment.md, "Stored on the learner's device"), the page then shows
them read-only with the date, also after a reload, and reveals "Kirim hasil".
A trainer's page shows the score and clears the device for the next learner.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from support.helpers import CONTOH, make_project

from generator.outputs.export import ExportRequest
from generator.outputs.mkdocs_site import build_site
from generator.outputs.single import export_html

pytestmark = pytest.mark.browser

SITE_KEY = "berdaya:tests:Berdaya:contoh"
FILE_KEY = "berdaya:tests:Berdaya:contoh@1.0"
"""The storage keys: ``<site>:<curriculum>``, in the single file ``@<version>`` too."""
ASK_ALL = "Jawaban hanya bisa dikumpulkan satu kali. Kumpulkan sekarang?"
THROWING_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The learner and trainer sites, and each single file alone in an empty folder."""
    root = tmp_path_factory.mktemp("prepost")
    project = make_project(root / "project", CONTOH)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    learner = text.replace(
        "      content_dir: content\n", "      content_dir: content\n      audience: learner\n"
    )
    assert learner != text
    (project / "mkdocs-learner.yml").write_text(learner, encoding="utf-8")
    found = {
        "site-learner": build_site(
            project / "mkdocs-learner.yml", project / "site-learner", strict=True
        ),
        "site-trainer": build_site(config, project / "site-trainer", strict=True),
    }
    for audience in ("learner", "trainer"):
        request = ExportRequest(config, (), audience, project / audience)  # type: ignore[arg-type]
        written = export_html(request).files[0].path
        folder = root / f"alone-{audience}"
        folder.mkdir()
        found[f"file-{audience}"] = Path(shutil.copy(written, folder))
    return found


class Phone:
    """A 360 px page that records dialogs, script errors and any request beyond ``allowed``."""

    def __init__(self, browser: Browser, allowed: Path, *, init_script: str = "") -> None:
        self.context = browser.new_context(viewport={"width": 360, "height": 740})
        self.context.set_default_timeout(5000)
        if init_script:
            self.context.add_init_script(init_script)
        self.allowed = allowed.resolve().as_uri()
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.answer_dialogs = True
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self._error(str(error)))
        self.page.on("dialog", self._dialog)

    def _route(self, route) -> None:
        url = route.request.url
        if url.startswith((self.allowed, "data:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _error(self, error: str) -> None:
        if "search_index.js" not in error:  # Material's search index: file:// cannot load it
            self.errors.append(error)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        if self.answer_dialogs:
            dialog.accept()
        else:
            dialog.dismiss()

    def stored(self, key: str) -> object:
        text = self.page.evaluate("k => localStorage.getItem(k)", key)
        return None if text is None else json.loads(text)

    def width(self) -> int:
        return int(self.page.evaluate("document.documentElement.scrollWidth"))


@pytest.fixture
def phone(browser: Browser, built: dict[str, Path]) -> Iterator[Phone]:
    session = Phone(browser, built["site-learner"].parent)
    yield session
    session.context.close()


def site_page(built: dict[str, Path], which: str, path: str) -> str:
    return (built[which] / path / "index.html").as_uri()


def take(test, answers: dict[int, object]) -> None:
    """Answer questions by the values of their inputs (indices as written, true/false)."""
    for number, value in answers.items():
        box = test.locator(f'fieldset[id$="berdaya-q{number}"]')
        for item in value if isinstance(value, list) else [value]:
            box.locator(f'input[value="{str(item).lower()}"]').check()


def checked(test) -> list[list[str]]:
    """The values of the checked inputs of each question, sorted."""
    return test.locator("fieldset.berdaya-q").evaluate_all(
        "boxes => boxes.map(b => [...b.querySelectorAll('input:checked')].map(i => i.value).sort())"
    )


def recent(at: object) -> bool:
    """An ISO time of the last minutes, as the script writes it."""
    assert isinstance(at, str)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", at), at
    moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    return abs((datetime.now(timezone.utc) - moment).total_seconds()) < 300


def hidden(locator) -> bool:
    return bool(locator.evaluate("e => e.hidden"))


def test_a_learner_takes_the_pre_test_once_in_the_site(phone: Phone, built) -> None:
    page = phone.page
    page.goto(site_page(built, "site-learner", "contoh/tes-awal"))
    test = page.locator(".berdaya-test")
    expect(test.locator(".berdaya-test__nojs")).to_be_hidden()
    assert hidden(test.locator(".berdaya-send"))
    assert "key" not in json.loads(test.get_attribute("data-test") or "{}")
    take(test, {1: 0, 2: 2, 4: [0, 1]})
    phone.answer_dialogs = False  # first the learner thinks again
    test.locator(".berdaya-test__submit").click()
    assert phone.dialogs == [f"Soal 3 belum dijawab. {ASK_ALL}"]
    assert phone.stored(SITE_KEY) is None
    phone.answer_dialogs = True
    test.locator(".berdaya-test__submit").click()
    expect(test.locator(".berdaya-test__status")).to_contain_text("Jawaban dikumpulkan pada")
    stored = phone.stored(SITE_KEY)
    assert isinstance(stored, dict)
    assert list(stored) == ["pre"]
    assert stored["pre"]["answers"] == [0, 2, None, [0, 1]]
    assert recent(stored["pre"]["at"])
    assert not hidden(test.locator(".berdaya-send"))
    expect(test.locator(".berdaya-test__submit")).to_be_hidden()
    expect(test.locator(".berdaya-test__score")).to_have_count(0)  # learners see no score
    assert phone.width() <= 360
    page.reload()
    test = page.locator(".berdaya-test")
    expect(test.locator(".berdaya-test__status")).to_contain_text("tidak bisa diubah")
    assert checked(test) == [["0"], ["2"], [], ["0", "1"]]
    for choice in test.locator("fieldset.berdaya-q input").all():
        expect(choice).to_be_disabled()
    expect(test.locator(".berdaya-test__submit")).to_be_hidden()
    assert not hidden(test.locator(".berdaya-send"))
    assert phone.stored(SITE_KEY) == stored  # one attempt: nothing changed
    assert phone.errors == []
    assert phone.blocked == []


def test_the_post_test_is_kept_beside_the_pre_test(phone: Phone, built) -> None:
    page = phone.page
    page.goto(site_page(built, "site-learner", "contoh/tes-awal"))
    take(page.locator(".berdaya-test"), {1: 0, 2: 0, 3: False, 4: [1]})
    page.locator(".berdaya-test__submit").click()
    assert phone.dialogs == [ASK_ALL]
    page.goto(site_page(built, "site-learner", "contoh/tes-akhir"))
    test = page.locator(".berdaya-test")
    assert checked(test) == [[], [], []]  # the post-test is still open
    take(test, {1: 1, 2: 1, 3: True})
    test.locator(".berdaya-test__submit").click()
    stored = phone.stored(SITE_KEY)
    assert isinstance(stored, dict)
    assert stored["pre"]["answers"] == [0, 0, False, [1]]
    assert stored["post"]["answers"] == [1, 1, True]
    assert phone.errors == []


def test_enter_hands_nothing_in(phone: Phone, built) -> None:
    page = phone.page
    page.goto(site_page(built, "site-learner", "contoh/tes-awal"))
    radio = page.locator('fieldset#berdaya-q1 input[value="0"]')
    radio.check()
    radio.press("Enter")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    assert phone.dialogs == []
    assert phone.stored(SITE_KEY) is None
    assert page.url.endswith("/tes-awal/index.html")


def test_the_trainer_page_shows_the_score_and_clears_for_the_next_learner(
    phone: Phone, built
) -> None:
    page = phone.page
    page.goto(site_page(built, "site-trainer", "contoh/tes-awal"))
    page.evaluate("localStorage.setItem('berdaya:learner', 'Siti')")
    test = page.locator(".berdaya-test")
    assert json.loads(test.get_attribute("data-test") or "{}")["key"][3] == {
        "type": "multiple",
        "correct": [0, 1],
        "points": 2,
    }
    expect(test.locator(".berdaya-test__reset")).to_be_hidden()
    # 1 right, 2 wrong, 3 right, 4: two right and one wrong of two correct -> half of 2 points
    take(test, {1: 0, 2: 1, 3: False, 4: [0, 1, 2]})
    test.locator(".berdaya-test__submit").click()
    expect(test.locator(".berdaya-test__score")).to_have_text("Skor: 60% (3 dari 5 poin)")
    assert phone.width() <= 360
    page.reload()
    test = page.locator(".berdaya-test")
    expect(test.locator(".berdaya-test__score")).to_have_text("Skor: 60% (3 dari 5 poin)")
    test.locator(".berdaya-test__reset").click()
    assert phone.dialogs[-1] == (
        "Hapus jawaban tes awal dan tes akhir serta nama peserta dari perangkat ini?"
    )
    expect(test.locator(".berdaya-test__submit")).to_be_visible()
    assert checked(test) == [[], [], [], []]
    assert phone.stored(SITE_KEY) is None
    assert page.evaluate("localStorage.getItem('berdaya:learner')") is None
    take(test, {1: 1, 2: 1, 3: True, 4: [2]})  # the next learner: nothing right
    test.locator(".berdaya-test__submit").click()
    expect(test.locator(".berdaya-test__score")).to_have_text("Skor: 0% (0 dari 5 poin)")
    assert phone.errors == []


def test_without_storage_the_answers_last_the_visit(browser: Browser, built) -> None:
    phone = Phone(browser, built["site-learner"].parent, init_script=THROWING_STORAGE)
    page = phone.page
    page.goto(site_page(built, "site-learner", "contoh/tes-akhir"))
    quiz = {"berdaya:progress:Berdaya:contoh": {"harga": {"best": 80}}}  # the quiz script's
    page.evaluate("kept => { window.name = JSON.stringify({berdaya: kept}); }", quiz)
    test = page.locator(".berdaya-test")
    take(test, {1: 0, 2: 1, 3: True})
    test.locator(".berdaya-test__submit").click()
    expect(test.locator(".berdaya-test__unsaved")).to_be_visible()
    kept = json.loads(page.evaluate("window.name"))["berdaya"]
    assert kept[SITE_KEY]["post"]["answers"] == [0, 1, True]
    assert kept["berdaya:progress:Berdaya:contoh"] == quiz["berdaya:progress:Berdaya:contoh"]
    page.reload()
    assert checked(page.locator(".berdaya-test")) == [["0"], ["1"], ["true"]]
    assert phone.errors == []
    phone.context.close()


# --- the single file ---------------------------------------------------------------------


def test_a_learner_takes_the_pre_test_in_the_single_file(browser: Browser, built) -> None:
    file = built["file-learner"]
    phone = Phone(browser, file)
    page = phone.page
    page.goto(file.as_uri())
    page.locator('.b-view.is-current a[href="#/tes-awal/"]').first.click()
    page.wait_for_function("document.querySelector('.b-view.is-current').id === '/tes-awal/'")
    test = page.locator(".b-view.is-current .berdaya-test")
    expect(test.locator(".berdaya-test__nojs")).to_be_hidden()
    take(test, {1: 0, 2: 0, 3: False, 4: [0, 1]})
    test.locator(".berdaya-test__submit").click()
    assert phone.dialogs == [ASK_ALL]
    stored = phone.stored(FILE_KEY)
    assert isinstance(stored, dict)
    assert stored["pre"]["answers"] == [0, 0, False, [0, 1]]
    assert recent(stored["pre"]["at"])
    assert not hidden(test.locator(".berdaya-send"))
    assert phone.width() <= 360
    page.reload()
    test = page.locator(".b-view.is-current .berdaya-test")
    assert page.evaluate("document.querySelector('.b-view.is-current').id") == "/tes-awal/"
    assert checked(test) == [["0"], ["0"], ["false"], ["0", "1"]]
    expect(test.locator(".berdaya-test__submit")).to_be_hidden()
    expect(test.locator(".berdaya-test__status")).to_contain_text("Jawaban dikumpulkan pada")
    post = page.locator('section[id="/tes-akhir/"] .berdaya-test')
    assert checked(post) == [[], [], []]
    tests = page.locator(".berdaya-test").evaluate_all(
        "l => l.map(t => JSON.parse(t.dataset.test))"
    )
    assert tests == [
        {"curriculum": "contoh", "kind": "pre", "count": 4},
        {"curriculum": "contoh", "kind": "post", "count": 3},
    ]  # the learner's file carries no key
    assert phone.errors == []
    assert phone.blocked == []
    phone.context.close()


def test_the_trainer_file_scores_the_post_test(browser: Browser, built) -> None:
    file = built["file-trainer"]
    phone = Phone(browser, file)
    page = phone.page
    page.goto(f"{file.as_uri()}#/tes-akhir/")
    test = page.locator(".b-view.is-current .berdaya-test")
    take(test, {1: 0, 2: 1})
    test.locator(".berdaya-test__submit").click()
    assert phone.dialogs == [f"Soal 3 belum dijawab. {ASK_ALL}"]
    expect(test.locator(".berdaya-test__score")).to_have_text("Skor: 67% (2 dari 3 poin)")
    stored = phone.stored(FILE_KEY)
    assert isinstance(stored, dict)
    assert stored["post"]["answers"] == [0, 1, None]
    page.goto(f"{file.as_uri()}#/panduan/hasil/")
    tally = page.locator(".b-view.is-current .berdaya-tally")
    expect(tally).to_have_count(1)
    assert json.loads(tally.get_attribute("data-tally") or "{}")["tests"]["post"][1] == {
        "type": "single",
        "correct": [1],
        "points": 1,
    }
    assert phone.errors == []
    assert phone.blocked == []
    phone.context.close()


def test_without_scripts_the_questions_are_readable_and_say_so(browser: Browser, built) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_page(built, "site-learner", "contoh/tes-awal"))
    test = page.locator(".berdaya-test")
    expect(test.locator(".berdaya-test__nojs")).to_have_text(
        "Untuk mengerjakan tes ini di layar, buka file ini di Chrome (perlu JavaScript). "
        "Soal-soalnya tetap bisa dibaca dan dijawab di kertas."
    )
    expect(test.locator(".berdaya-test__nojs")).to_be_visible()
    expect(test.locator("legend").first).to_have_text("1. Apa arti HPP?")
    expect(test.locator("fieldset.berdaya-q")).to_have_count(4)
    expect(test.locator(".berdaya-test__submit")).to_be_hidden()
    page.goto(f"{built['file-learner'].as_uri()}#/tes-akhir/")
    view = page.locator('section[id="/tes-akhir/"]')
    expect(view.locator(".berdaya-test__nojs")).to_be_visible()
    expect(view.locator("legend").nth(2)).to_have_text("3. Uang masuk dicatat pada hari itu juga.")
    page.goto(f"{built['file-trainer'].as_uri()}#/panduan/hasil/")
    note = page.locator('section[id="/panduan/hasil/"] .berdaya-tally__nojs')
    expect(note).to_have_text("Halaman ini perlu JavaScript: buka di Chrome.")
    expect(note).to_be_visible()
    context.close()
