"""The results widgets in Chromium: "Kirim hasil" for learners, the tally for trainers.

Each page is a harness made like the single file (our scripts inline under its
Content-Security-Policy, opened from file:// with every other request blocked)
holding the documented elements (``.berdaya-send[data-send]``,
``.berdaya-tally[data-tally]``) and, for learners, what a device stores after
the quizzes and tests (``berdaya:progress:`` and ``berdaya:tests:`` of the
scope ``Berdaya:kedai``). Phone size (360 by 740) unless a test says otherwise.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import Browser, Page, expect
from support.results import harness, tally_spec, vectors

from generator.results.code import decode

pytestmark = pytest.mark.browser

TYPICAL = vectors("encode")[0]
"""Siti's device: modules 90 and 65, both tests; the code of 2025-03-14."""
CODE = TYPICAL["code"]
CHAT, MIXED, CHAT_EN = vectors("tally")
PROGRESS_KEY = "berdaya:progress:Berdaya:kedai"
TESTS_KEY = "berdaya:tests:Berdaya:kedai"
TODAY = dt.datetime(2025, 3, 14, 10, 0)  # noqa: DTZ001 - the phone's own local time
THROWING_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); }
});
"""
NO_SHARE = "delete Navigator.prototype.share; delete Navigator.prototype.canShare;"
COPY_RECORDED = """
Object.defineProperty(navigator, "clipboard", {value: {writeText(text) {
  window.copied = text; return Promise.resolve();
}}});
"""


def attribute(data: object) -> str:
    return escape(json.dumps(data, ensure_ascii=False), quote=True)


def stored(progress: object, tests: object) -> str:
    """An init script that puts what the quizzes and tests saved on the device, once."""
    return f"""
if (!sessionStorage.getItem("seeded")) {{
  sessionStorage.setItem("seeded", "1");
  localStorage.setItem({json.dumps(PROGRESS_KEY)}, {json.dumps(json.dumps(progress))});
  localStorage.setItem({json.dumps(TESTS_KEY)}, {json.dumps(json.dumps(tests))});
}}
"""


class Tab:
    """A context that lets only the harness load, records the rest and every script error."""

    def __init__(self, browser: Browser, file: Path, **options: Any) -> None:
        self.url = file.as_uri()
        self.problems: list[str] = []
        viewport = options.pop("viewport", {"width": 360, "height": 740})
        self.context = browser.new_context(viewport=viewport, **options)
        self.context.set_default_timeout(5000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        self.page.on(
            "console",
            lambda m: self.problems.append(m.text) if m.type in {"error", "warning"} else None,
        )

    def _route(self, route: Any) -> None:
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:
            self.problems.append(f"blocked: {route.request.url}")
            route.abort()

    def open(self, *scripts: str) -> Page:
        for script in scripts:
            self.page.add_init_script(script)
        self.page.clock.set_fixed_time(TODAY)
        self.page.goto(self.url)
        return self.page

    def close(self) -> None:
        self.context.close()
        assert self.problems == []


@pytest.fixture(scope="module")
def send_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = attribute(TYPICAL["send"])
    body = f'<h1>Kedai Kopi</h1>\n<div class="berdaya-send" data-send="{data}"></div>'
    return harness(tmp_path_factory.mktemp("send"), body)


@pytest.fixture
def learner(browser: Browser, send_page: Path) -> Iterator[Tab]:
    tab = Tab(browser, send_page)
    yield tab
    tab.close()


def seeded() -> str:
    return stored(TYPICAL["progress"], TYPICAL["tests"])


def give_name(page: Page, name: str) -> None:
    page.get_by_role("button", name="Kirim hasil").click()
    field = page.get_by_label("Nama lengkap Anda")
    expect(field).to_be_focused()
    field.fill(name)
    field.press("Enter")


def no_sideways_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def qr_text(page: Page) -> str:
    """What a QR reader reads from the code drawn on the screen."""
    picture = page.locator(".berdaya-send__qr")
    expect(picture).to_be_visible()
    shot = Image.open(io.BytesIO(picture.screenshot()))
    found = zxingcpp.read_barcodes(shot)
    assert [b.format for b in found] == [zxingcpp.BarcodeFormat.QRCode]
    return str(found[0].text)


def qr_modules(page: Page) -> int:
    """Modules per side of the drawn QR code (its viewBox less the quiet zone of 4 on each side)."""
    box = page.locator(".berdaya-send__qr svg").get_attribute("viewBox")
    assert box is not None
    return int(box.split()[2]) - 8


def test_a_learner_sends_the_code_without_web_share(learner: Tab) -> None:
    page = learner.open(seeded(), NO_SHARE, COPY_RECORDED)
    expect(page.get_by_text("Kirim hasil belajar Anda ke pelatih")).to_be_visible()
    give_name(page, "Siti Aminah")
    code = page.locator(".berdaya-send__code code")
    expect(code).to_have_text(CODE)
    expect(code).to_be_focused()
    expect(page.get_by_text("Nama di kode: SITI AMINAH")).to_be_visible()
    assert qr_text(page) == CODE
    assert len(CODE) == 46
    assert qr_modules(page) == 29  # version 3: 46 symbols fit in alphanumeric mode, not as bytes
    message = f"Kode hasil belajar saya:\n{CODE}"
    whatsapp = page.get_by_role("link", name="Kirim lewat WhatsApp")
    expect(whatsapp).to_have_attribute("href", f"whatsapp://send?text={quote(message, safe='')}")
    expect(page.get_by_role("button", name="Bagikan kode")).to_have_count(0)
    page.get_by_role("button", name="Salin kode").click()
    expect(page.locator(".berdaya-send__status")).to_have_text(
        "Kode sudah disalin. Tempel di pesan untuk pelatih."
    )
    assert page.evaluate("window.copied") == CODE
    assert page.evaluate("localStorage.getItem('berdaya:learner')") == "Siti Aminah"
    no_sideways_scroll(page)
    box = page.locator(".berdaya-send__qr").bounding_box()
    assert box is not None
    assert 200 <= box["width"] <= 260


def test_the_code_carries_what_the_device_stored(learner: Tab) -> None:
    page = learner.open(seeded(), NO_SHARE)
    give_name(page, "Siti Aminah")
    results = decode(page.locator(".berdaya-send__code code").inner_text())
    assert results.modules == (90, 65, None)
    assert results.pre == (1, (0,), False, 0, (1, 2))
    assert results.post == (1, (0, 2), True, 0, (1, 2, 3))
    assert results.date == dt.date(2025, 3, 14)


def test_the_name_is_asked_once_and_can_be_changed(learner: Tab) -> None:
    page = learner.open(seeded(), NO_SHARE)
    give_name(page, "Siti Aminah")
    page.reload()
    page.get_by_role("button", name="Kirim hasil").click()
    expect(page.locator(".berdaya-send__code code")).to_have_text(CODE)
    expect(page.get_by_label("Nama lengkap Anda")).to_have_count(0)
    page.get_by_role("button", name="Ganti nama").click()
    field = page.get_by_label("Nama lengkap Anda")
    expect(field).to_have_value("Siti Aminah")
    field.fill("Budi")
    page.get_by_role("button", name="Simpan nama").click()
    expect(page.get_by_text("Nama di kode: BUDI")).to_be_visible()
    assert decode(page.locator(".berdaya-send__code code").inner_text()).name == "BUDI"
    assert page.evaluate("localStorage.getItem('berdaya:learner')") == "Budi"


def test_a_name_without_latin_letters_is_asked_again(learner: Tab) -> None:
    page = learner.open(seeded(), NO_SHARE)
    give_name(page, "محمد")
    expect(page.get_by_role("alert")).to_have_text("Tulis nama Anda dengan huruf latin (A-Z).")
    expect(page.get_by_label("Nama lengkap Anda")).to_be_focused()
    expect(page.locator(".berdaya-send__code")).to_have_count(0)


def test_web_share_sends_the_message(learner: Tab) -> None:
    page = learner.open(
        seeded(),
        "navigator.share = data => { window.shared = data; return Promise.resolve(); };",
    )
    give_name(page, "Siti Aminah")
    page.get_by_role("button", name="Bagikan kode").click()
    page.wait_for_function("window.shared !== undefined")
    assert page.evaluate("window.shared") == {"text": f"Kode hasil belajar saya:\n{CODE}"}
    expect(page.get_by_role("link", name="Kirim lewat WhatsApp")).to_have_count(0)


@pytest.mark.parametrize(("error", "links"), [("NotAllowedError", 1), ("AbortError", 0)])
def test_a_refused_share_offers_whatsapp_a_cancelled_one_does_not(
    learner: Tab, error: str, links: int
) -> None:
    page = learner.open(
        seeded(),
        f"navigator.share = () => Promise.reject(new DOMException('no', '{error}'));",
    )
    give_name(page, "Siti Aminah")
    page.get_by_role("button", name="Bagikan kode").click()
    page.wait_for_timeout(100)
    expect(page.get_by_role("link", name="Kirim lewat WhatsApp")).to_have_count(links)


def test_without_a_clipboard_the_code_is_selected_for_copying(learner: Tab) -> None:
    page = learner.open(
        seeded(), NO_SHARE, "Object.defineProperty(navigator, 'clipboard', {value: undefined});"
    )
    give_name(page, "Siti Aminah")
    page.get_by_role("button", name="Salin kode").click()
    expect(page.locator(".berdaya-send__status")).not_to_be_empty()
    assert page.locator(".berdaya-send__status").inner_text() in {
        "Kode sudah disalin. Tempel di pesan untuk pelatih.",
        "Tidak bisa menyalin otomatis: tekan lama kodenya, lalu Salin.",
    }
    assert page.evaluate("String(window.getSelection())") == CODE


def test_storage_that_throws_keeps_everything_for_the_visit(learner: Tab) -> None:
    kept = {"berdaya": {PROGRESS_KEY: TYPICAL["progress"], TESTS_KEY: TYPICAL["tests"]}}
    page = learner.open(
        THROWING_STORAGE,
        NO_SHARE,
        f"if (!window.name) window.name = {json.dumps(json.dumps(kept))};",
    )
    give_name(page, "Siti Aminah")
    expect(page.locator(".berdaya-send__code code")).to_have_text(CODE)
    expect(page.locator(".berdaya-send__unsaved")).to_have_text(
        "Peramban ini tidak bisa menyimpan hasil kuis: hasil hilang saat file ditutup."
    )
    page.reload()  # the same tab keeps window.name: the name and the results stay
    page.get_by_role("button", name="Kirim hasil").click()
    expect(page.locator(".berdaya-send__code code")).to_have_text(CODE)
    assert json.loads(page.evaluate("window.name"))["berdaya"][PROGRESS_KEY] == TYPICAL["progress"]


def test_a_new_result_makes_a_new_code(learner: Tab) -> None:
    page = learner.open(seeded(), NO_SHARE)
    give_name(page, "Siti Aminah")
    page.evaluate(
        """key => {
          const progress = JSON.parse(localStorage.getItem(key));
          progress.harga = {best: 95, last: 95, passed: true, at: "2025-03-14T10:00:00Z"};
          localStorage.setItem(key, JSON.stringify(progress));
          document.dispatchEvent(new CustomEvent("berdaya:saved"));
        }""",
        PROGRESS_KEY,
    )
    expect(page.locator(".berdaya-send__code code")).not_to_have_text(CODE)
    results = decode(page.locator(".berdaya-send__code code").inner_text())
    assert results.modules == (90, 65, 95)


# The trainer's tally.


@pytest.fixture(scope="module")
def tally_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    data = attribute(tally_spec())
    body = f'<h1>Hasil peserta</h1>\n<div class="berdaya-tally" data-tally="{data}"></div>'
    root = tmp_path_factory.mktemp("tally")
    return {
        "id": harness(root / "id", body),
        "en": harness(root / "en", body.replace("Hasil peserta", "Results"), language="en"),
    }


VIEWPORTS = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(params=sorted(VIEWPORTS))
def trainer(
    request: pytest.FixtureRequest, browser: Browser, tally_pages: dict[str, Path]
) -> Iterator[Tab]:
    tab = Tab(browser, tally_pages["id"], viewport=VIEWPORTS[request.param])
    yield tab
    tab.close()


def paste(page: Page, text: str) -> None:
    page.get_by_label("Tempel pesan peserta, obrolan WhatsApp yang diekspor, atau kode").fill(text)
    page.get_by_role("button", name="Baca kode").click()


def table_texts(page: Page) -> dict[str, Any]:
    expect(page.locator(".berdaya-tally__table")).to_be_visible()
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


def test_the_trainer_pastes_a_chat_and_gets_the_table_and_csv(trainer: Tab) -> None:
    page = trainer.open()
    expect(page.get_by_text("Belum ada hasil. Tempel pesan peserta di atas.")).to_be_visible()
    expect(page.get_by_role("button", name="Unduh CSV")).to_be_disabled()
    paste(page, CHAT["text"])
    expect(page.locator(".berdaya-tally__status")).to_have_text("3 kode ditemukan di teks ini.")
    expect(page.locator(".berdaya-tally__count")).to_have_text("2 peserta")
    assert table_texts(page) == CHAT["table"]
    problem = page.locator(".berdaya-tally__problem")
    expect(problem).to_have_count(1)
    expect(problem).to_have_attribute("data-reason", "checksum")
    expect(problem).to_have_text(
        "kode rusak (ada huruf yang berubah): minta peserta mengirim ulang — DEWI LESTARI — "
        f"tempelan 1, baris 6: {CHAT['problems'][0]['text']}"
    )
    expect(page.locator(".berdaya-tally__problems-title")).to_have_text(
        "Kode yang tidak dihitung (1)"
    )
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh CSV").click()
    download = info.value
    assert download.suggested_filename == "hasil-kedai.csv"
    assert Path(download.path()).read_bytes() == ("\ufeff" + CHAT["csv"]).encode("utf-8")
    no_sideways_scroll(page)
    page.reload()
    assert table_texts(page) == CHAT["table"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Hapus semua hasil").click()
    expect(page.get_by_text("Belum ada hasil. Tempel pesan peserta di atas.")).to_be_visible()
    assert page.evaluate("localStorage.getItem('berdaya:tally:Berdaya:kedai')") is None


def test_every_problem_is_listed_with_its_reason(trainer: Tab) -> None:
    page = trainer.open()
    paste(page, MIXED["text"])
    reasons = page.locator(".berdaya-tally__problem").evaluate_all(
        "items => items.map(li => li.dataset.reason)"
    )
    assert reasons == [p["reason"] for p in MIXED["problems"]]
    assert table_texts(page) == MIXED["table"]
    paste(page, CHAT["text"])  # the same codes again, and Dewi's damaged one
    expect(page.locator(".berdaya-tally__status")).to_have_text("3 kode ditemukan di teks ini.")
    reasons = page.locator(".berdaya-tally__problem").evaluate_all(
        "items => items.map(li => li.dataset.reason)"
    )
    assert reasons[-3:] == ["duplicate", "duplicate", "checksum"]
    expect(page.locator(".berdaya-tally__problem").nth(-1)).to_contain_text("tempelan 2, baris 6")


def test_text_without_a_code_says_so(trainer: Tab) -> None:
    page = trainer.open()
    paste(page, "Selamat pagi Bu, kodenya besok ya.")
    expect(page.locator(".berdaya-tally__status")).to_have_text(
        "Tidak ada kode hasil (BDY1/…) di teks ini."
    )
    expect(page.get_by_role("button", name="Hapus semua hasil")).to_be_disabled()


def test_the_tally_in_english(browser: Browser, tally_pages: dict[str, Path]) -> None:
    tab = Tab(browser, tally_pages["en"])
    page = tab.open()
    page.get_by_label("Paste learners' messages, an exported WhatsApp chat, or codes").fill(
        CHAT["text"]
    )
    page.get_by_role("button", name="Read the codes").click()
    assert table_texts(page) == CHAT_EN["table"]
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    assert info.value.suggested_filename == "results-kedai.csv"
    assert Path(info.value.path()).read_bytes().decode("utf-8-sig") == CHAT_EN["csv"]
    tab.close()


CAMERA = """
window.detected = [];
window.BarcodeDetector = class {
  constructor(options) { window.formats = options.formats; }
  detect(video) {
    window.looked = (window.looked || 0) + 1;
    return Promise.resolve(window.detected.map(rawValue => ({rawValue})));
  }
};
navigator.mediaDevices.getUserMedia = constraints => {
  window.constraints = constraints;
  const canvas = document.createElement("canvas");
  canvas.width = 64; canvas.height = 48;
  canvas.getContext("2d").fillRect(0, 0, 64, 48);
  const stream = canvas.captureStream(5);
  window.stream = stream;
  return Promise.resolve(stream);
};
"""


def test_scanning_qr_codes_with_the_camera(trainer: Tab) -> None:
    page = trainer.open(CAMERA)
    page.get_by_role("button", name="Pindai kode QR dengan kamera").click()
    expect(page.locator(".berdaya-tally__camera")).to_be_visible()
    expect(page.get_by_text("Arahkan kamera ke kode QR di ponsel peserta.")).to_be_visible()
    assert page.evaluate("window.formats") == ["qr_code"]
    assert page.evaluate("window.constraints.video.facingMode") == "environment"
    page.evaluate("code => { window.detected = [code]; }", CODE)
    expect(page.locator(".berdaya-tally__status")).to_have_text("Terbaca: SITI AMINAH")
    looked = page.evaluate("window.looked")
    page.wait_for_function("n => window.looked > n + 2", arg=looked)  # still in view
    kept = json.loads(page.evaluate("localStorage.getItem('berdaya:tally:Berdaya:kedai')"))
    assert kept["entries"] == [{"text": CODE, "line": 1, "column": 1, "scan": True}]
    expect(page.locator(".berdaya-tally__count")).to_have_text("1 peserta")
    page.get_by_role("button", name="Selesai memindai").click()
    expect(page.locator(".berdaya-tally__camera")).to_be_hidden()
    assert page.evaluate("window.stream.getTracks().every(t => t.readyState === 'ended')")


def test_without_barcode_detector_there_is_only_paste(trainer: Tab) -> None:
    page = trainer.open("delete window.BarcodeDetector;")
    expect(page.get_by_role("button", name="Baca kode")).to_be_visible()
    expect(page.get_by_role("button", name="Pindai kode QR dengan kamera")).to_have_count(0)


XSS_WATCH = "window.hits = []; window.__xss = n => window.hits.push(n);"


def test_hostile_titles_names_and_pasted_text_stay_text(browser: Browser, tmp_path: Path) -> None:
    """Titles and versions come from content, names and texts from people: none of it runs."""
    from support.hostile import HOSTILE  # noqa: PLC0415 - only this test needs the corpus

    spec = tally_spec()
    spec["title"] = f"Kedai {HOSTILE}"
    spec["modules"] = [{**m, "title": f"{m['title']} {HOSTILE}"} for m in spec["modules"]]
    send = {**TYPICAL["send"], "version": HOSTILE}
    body = (
        f'<div class="berdaya-send" data-send="{attribute(send)}"></div>\n'
        f'<div class="berdaya-tally" data-tally="{attribute(spec)}"></div>'
    )
    tab = Tab(browser, harness(tmp_path, body), viewport=VIEWPORTS["desktop"])
    page = tab.open(XSS_WATCH, seeded(), NO_SHARE)
    give_name(page, HOSTILE)
    expect(page.locator(".berdaya-send__code code")).to_contain_text("BDY1/SCRIPT-XSS-1-SCRIPT")
    paste(page, f"{HOSTILE}\n{CHAT['text']}\n{HOSTILE}")
    legend = page.locator(".berdaya-tally__legend li").first
    expect(legend).to_have_text(f"M1: Modal Usaha {HOSTILE} (lulus ≥ 70%)")
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh CSV").click()
    assert HOSTILE.replace('"', '""') in Path(info.value.path()).read_text(encoding="utf-8")
    page.wait_for_timeout(300)
    assert page.evaluate("window.hits") == []
    assert page.locator("script").count() == 5  # the harness's own five, nothing added
    tab.close()
