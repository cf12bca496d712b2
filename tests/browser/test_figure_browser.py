"""A picture with a caption in the single-file export, in Chromium at phone size.

The exported file is opened alone from file://; every request but the file itself
is aborted and recorded: the picture must come from inside the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route, expect
from support.helpers import FIXTURES, make_project

from generator.outputs.export import ExportRequest
from generator.outputs.single import export_html

pytestmark = pytest.mark.browser

ALT = "Satu koin: uang logam seratus rupiah"
CAPTION = "Koin Rp100 dilihat dari atas."
ORIGINAL = "      Harga jual = HPP + margin."


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The learner's file of the fixture ``latihan`` with a figure in lesson 'harga-jual'."""
    root = tmp_path_factory.mktemp("figure-browser")
    project = make_project(root / "project", FIXTURES / "single" / "latihan")
    module = project / "content" / "latihan" / "modules" / "lanjut.yml"
    text = module.read_text(encoding="utf-8")
    figure = f'      ![{ALT}](media/koin.svg "{CAPTION}")'
    module.write_text(text.replace(ORIGINAL, f"{figure}\n\n{ORIGINAL}"), encoding="utf-8")
    request = ExportRequest(project / "mkdocs.yml", (), "learner", project / "dist")  # type: ignore[arg-type]
    written = export_html(request).files[0].path
    alone = root / "alone"
    alone.mkdir()
    return Path(shutil.copy(written, alone))


def test_the_figure_shows_its_picture_alt_text_and_caption_from_inside_the_file(
    browser: Browser, exported: Path
) -> None:
    url = exported.as_uri()
    blocked: list[str] = []
    errors: list[str] = []

    def route(request: Route) -> None:
        address = request.request.url
        if address.split("#")[0] == url or address.startswith("data:"):
            request.continue_()
        else:
            blocked.append(address)
            request.abort()

    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{url}#/lanjut/harga-jual/")
    view = page.locator(".b-view.is-current")
    expect(view).to_have_id("/lanjut/harga-jual/")
    figure = view.locator("figure.berdaya-figure")
    expect(figure).to_be_visible()
    image = figure.locator("img")
    assert image.get_attribute("alt") == ALT
    assert (image.get_attribute("src") or "").startswith("data:image/svg+xml,")
    expect(figure.locator("figcaption")).to_have_text(CAPTION)
    loaded = image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert loaded, "the picture did not load"
    box = image.bounding_box()
    assert box is not None
    assert 200 <= box["width"] <= 360, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert blocked == []
    assert errors == []
    context.close()
