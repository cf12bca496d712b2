"""The offline app's pure parts: icons, theme colour, manifest, each curriculum's list, worker."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import esprima
import pytest

from generator.outputs import app
from generator.outputs.app_icons import BERDAYA_GREEN, icon_png, png_size, theme_colour


def pixels(png: bytes) -> tuple[int, list[bytes]]:
    """The side and the RGB rows of one of our PNGs (8-bit RGB, filter 0 on every row)."""
    width, height = struct.unpack(">II", png[16:24])
    assert width == height
    assert png[24:29] == bytes([8, 2, 0, 0, 0])  # 8 bits, RGB, deflate, filter, no interlace
    start = png.index(b"IDAT") + 4
    length = struct.unpack(">I", png[start - 8 : start - 4])[0]
    raw = zlib.decompress(png[start : start + length])
    stride = 1 + 3 * width
    rows = [raw[i * stride : (i + 1) * stride] for i in range(height)]
    assert all(row[0] == 0 for row in rows)
    return width, [row[1:] for row in rows]


@pytest.mark.parametrize("size", [192, 512])
def test_the_icon_is_the_colour_with_white_shapes_and_the_same_every_time(size: int) -> None:
    png = icon_png(size, "#1b5e20")
    assert png == icon_png(size, "#1b5e20")
    assert png_size(png) == (size, size)
    side, rows = pixels(png)
    assert side == size
    assert rows[0][:3] == bytes.fromhex("1b5e20")  # full bleed: launchers may mask it
    assert rows[size // 2][3 * (size // 3) : 3 * (size // 3) + 3] == b"\xff\xff\xff"  # a page
    for offset in (8, png.index(b"IDAT") - 4, len(png) - 12):
        length = struct.unpack(">I", png[offset : offset + 4])[0]
        body = png[offset + 4 : offset + 8 + length]
        assert struct.unpack(">I", png[offset + 8 + length : offset + 12 + length])[0] == (
            zlib.crc32(body)
        )


def test_icon_refuses_a_colour_that_is_not_rrggbb() -> None:
    with pytest.raises(ValueError, match="not a #rrggbb colour: 'green'"):
        icon_png(192, "green")


def test_png_size_reads_only_pngs() -> None:
    assert png_size(b"GIF89a....") is None
    assert png_size(icon_png(192, BERDAYA_GREEN)) == (192, 192)


@pytest.mark.parametrize(
    ("palette", "colour"),
    [
        ({"scheme": "default", "primary": "custom"}, "#1b5e20"),
        ({"primary": "indigo"}, "#4051b5"),
        ([{"primary": "teal"}, {"primary": "indigo"}], "#009485"),
        ({"primary": "no-such-colour"}, BERDAYA_GREEN),
        (None, BERDAYA_GREEN),
        ([], BERDAYA_GREEN),
    ],
)
def test_theme_colour_follows_the_palette(palette: object, colour: str) -> None:
    assert theme_colour(palette) == colour


SETTINGS = app.AppSettings("Berdaya", "Materi pelatihan", "id", "#1b5e20")


def test_the_manifest_names_the_site_its_language_colour_and_icons(tmp_path: Path) -> None:
    icons = app.write_icons(tmp_path, SETTINGS)
    data = json.loads(app.manifest(SETTINGS, icons))
    assert data["name"] == "Berdaya"
    assert data["lang"] == "id"
    assert data["theme_color"] == "#1b5e20"
    assert (data["start_url"], data["scope"], data["display"]) == ("./", "./", "standalone")
    assert data["description"] == "Materi pelatihan"
    assert [(i["sizes"], i["purpose"]) for i in data["icons"]] == [
        ("192x192", "any"),
        ("512x512", "any"),
        ("192x192", "maskable"),
        ("512x512", "maskable"),
    ]
    assert (tmp_path / "assets/berdaya/app/icon-512.png").read_bytes() == icon_png(512, "#1b5e20")


def test_the_logo_comes_first_when_it_is_a_png_or_an_svg(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(icon_png(192, "#4051b5"))
    (tmp_path / "img" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "img" / "logo.jpg").write_bytes(b"\xff\xd8")
    png = app.write_icons(tmp_path, app.AppSettings("B", "", "en", "#000000", "img/logo.png"))
    assert png[0] == {"src": "img/logo.png", "sizes": "192x192", "type": "image/png"}
    svg = app.write_icons(tmp_path, app.AppSettings("B", "", "en", "#000000", "img/logo.svg"))
    assert svg[0] == {"src": "img/logo.svg", "sizes": "any", "type": "image/svg+xml"}
    jpg = app.write_icons(tmp_path, app.AppSettings("B", "", "en", "#000000", "img/logo.jpg"))
    assert jpg[0]["src"] == "assets/berdaya/app/icon-192.png"  # the default icons only


def write(site: Path, name: str, text: str) -> None:
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A small built site: two curricula, a guide page, media, a stylesheet with a font."""
    write(tmp_path, "index.html", '<link rel="stylesheet" href="assets/site.css">')
    write(
        tmp_path,
        "assets/site.css",
        "@font-face{src:url('fonts/a.woff2')} a{background:url(data:x)}",
    )
    write(tmp_path, "assets/fonts/a.woff2", "font")
    write(tmp_path, "assets/unused.js", "")
    write(
        tmp_path,
        "a/index.html",
        '<link rel="stylesheet" href="../assets/site.css"><img src="media/p.png">'
        '<a href="m/">module</a><a href="media/sheet.pdf?x=1#p2">sheet</a>'
        '<a href="../b/media/b.png">other</a><img srcset="media/s.png 1x, media/s2.png 2x">'
        '<script id="__config" type="application/json">{"search": "../assets/w.js"}</script>'
        '<a href="https://example.org/x.png">remote</a><a href="panduan/">guide</a>',
    )
    write(tmp_path, "a/m/index.html", '<img src="../media/p.png">')
    write(tmp_path, "a/panduan/index.html", '<img src="../media/guide-only.png">')
    for name in ("p.png", "sheet.pdf", "s.png", "s2.png", "guide-only.png"):
        write(tmp_path, f"a/media/{name}", name)
    write(tmp_path, "b/index.html", "")
    write(tmp_path, "b/media/b.png", "b")
    write(tmp_path, "assets/w.js", "worker")
    write(tmp_path, "search/search_index.json", '{"config": {"lang": ["en"]}, "docs": []}')
    return tmp_path


def test_a_curriculum_keeps_its_learner_pages_and_what_they_load(site: Path) -> None:
    found = app.bundle(site, "a", ["", "a/", "a/m/"], ["manifest.webmanifest"], ["b"])
    assert found.urls == (
        "",
        "a/",
        "a/m/",
        "a/media/p.png",
        "a/media/s.png",
        "a/media/s2.png",
        "a/media/sheet.pdf",
        "assets/fonts/a.woff2",
        "assets/site.css",
        "assets/w.js",
        "search/search_index.json",
    )  # not the guide's image, not b's, not unused files, not the missing manifest
    assert found.size == sum(len((site / app.page_file(url)).read_bytes()) for url in found.urls)
    assert re.fullmatch(r"[0-9a-f]{16}", found.version)
    assert app.bundle(site, "a", ["", "a/", "a/m/"], [], ["b"]) == found
    write(site, "assets/site.css", "a{}")  # a changed file: a new version
    assert app.bundle(site, "a", ["", "a/", "a/m/"], [], ["b"]).version != found.version


def test_the_list_and_the_worker_carry_the_versions(site: Path) -> None:
    bundles = app.write_app(site, SETTINGS, {"a": ["a/", "a/m/"], "b": ["b/"]})
    listed = json.loads((site / "a" / "offline.json").read_text(encoding="utf-8"))
    assert listed["urls"][0] == "./"
    assert "manifest.webmanifest" in listed["urls"]
    assert "assets/berdaya/app/icon-192.png" in listed["urls"]
    assert not [url for url in listed["urls"] if url.startswith("b/")]
    worker = (site / "berdaya-sw.js").read_text(encoding="utf-8")
    versions = {b.curriculum: b.version for b in bundles}
    assert f"var VERSIONS = {json.dumps(versions)};" in worker
    assert listed["version"] == versions["a"]


def test_the_worker_needs_its_versions_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "berdaya-sw.js").write_text("var VERSIONS = {};", encoding="utf-8")
    monkeypatch.setattr(app, "APP_ASSETS", tmp_path)
    with pytest.raises(ValueError, match=r"berdaya-sw\.js: the line .* must appear once"):
        app.worker_script({})


@pytest.mark.parametrize("name", ["berdaya-app.js", "berdaya-sw.js"])
def test_the_scripts_are_es2017(name: str) -> None:
    text = (app.APP_ASSETS / name).read_text(encoding="utf-8")
    esprima.parseScript(text)
    assert "=>" not in text
    assert re.search(r"\b(let|const|class|async|await)\b", text) is None


def test_page_references_are_those_an_html_parser_finds() -> None:
    html = (
        '<!doctype html><html><head><link rel="stylesheet" href="../assets/a.css">'
        '<script src="s.js"></script><script>var x = "<img src=\'no.png\'>";</script>'
        "<style>.a { background: url(b.png) } /* <img src=nope.png> */</style></head>"
        '<body><!-- <img src="commented.png"> --><A HREF="Up.PDF">x</A>'
        "<img src=plain.png alt='a > b' srcset=\"a.png 1x, b.png 2x\">"
        '<video poster="p.jpg"><source src="v.mp4"></video><a href="a&amp;b.png">'
        '<object data="o.svg"></object><img src = "spaced.png" hidden>'
        '<svg><image xlink:href="x.svg"/></svg><a href="m.html#top" data-x="1">m</a>'
        "</body></html>"
    )
    parser = app._References()  # noqa: SLF001 - the reference the fast scanner must match
    parser.feed(html)
    assert app.page_references(html) == parser.references
    assert "no.png" not in app.page_references(html)
    assert "a&b.png" in app.page_references(html)
