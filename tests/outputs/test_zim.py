"""The ZIM export's pure parts: metadata, titles, mimetypes, indexed text, paths, illustration.

No build and no libzim here: tests/integration/test_zim.py writes real archives.
"""

from __future__ import annotations

import io
import struct
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from support.helpers import CONTOH, GUIDE

from generator.content.check import check
from generator.content.project import CurriculumSource
from generator.exceptions import UsageError
from generator.outputs.export import ExportRequest, Prepared
from generator.outputs.zim import ZimFile, ZimReport, output_paths, zim_lines
from generator.outputs.zim_icon import default_png, illustration, png_size
from generator.outputs.zim_meta import (
    DESCRIPTION_MAX,
    TITLE_MAX,
    Site,
    article_text,
    metadata,
    mimetype,
    page_titles,
    retitle,
    shorten,
    slug,
    zim_date,
)
from generator.site.plan import Options, plan_site

TAGS = "berdaya;pelatihan;_category:other;_ftindex:yes;_pictures:no;_videos:no;_details:yes"
SITE = Site("Berdaya", "Materi pelatihan pemberdayaan masyarakat", "Berdaya", "0.1.0")


def _curricula(folder: Path, *ids: str) -> list[CurriculumSource]:
    project, diagnostics = check(folder, "id", ids)
    assert not [d for d in diagnostics if d.severity.value == "error"]
    return project.curricula


@pytest.fixture(scope="module")
def contoh() -> CurriculumSource:
    return _curricula(CONTOH.parent, "contoh")[0]


def test_shorten_cuts_between_words_with_an_ellipsis() -> None:
    assert shorten("Manajemen Usaha Kecil", TITLE_MAX) == "Manajemen Usaha Kecil"
    long = "Pertanian Berkelanjutan untuk Petani Lahan Kering"
    assert shorten(long, TITLE_MAX) == "Pertanian Berkelanjutan untuk\u2026"
    assert len(shorten(long, TITLE_MAX)) <= TITLE_MAX
    assert shorten("Satu  dua\ntiga", 80) == "Satu dua tiga"
    assert shorten("Supercalifragilisticexpialidocious-and-more", 10) == "Supercali\u2026"
    assert shorten("Kas, bon, dan stok: cara mencatat", 20) == "Kas, bon, dan stok\u2026"


def test_slug_and_mimetypes() -> None:
    assert slug("Yayasan Tunas Desa!") == "yayasan-tunas-desa"
    assert slug("—") == "berdaya"
    assert mimetype("a/b.html") == "text/html"
    assert mimetype("search/search_index.json") == "application/json"
    assert mimetype("assets/javascripts/bundle.min.js") == "application/javascript"
    assert mimetype("media/Foto.JPG") == "image/jpeg"
    assert mimetype("assets/x.svg") == "image/svg+xml"
    assert mimetype("LICENSE") == "application/octet-stream"


def test_the_date_is_the_day_of_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert zim_date() == "2023-11-14"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert len(zim_date()) == 10


def test_titles_say_where_a_page_belongs(contoh: CurriculumSource) -> None:
    options = Options(include_guides=True)
    titles = page_titles(plan_site([contoh], options), "Berdaya")
    assert titles["index.html"] == "Berdaya"
    assert titles["contoh/index.html"] == "Contoh Kurikulum"
    assert titles["contoh/harga/index.html"] == "Harga Jual \u2013 Contoh Kurikulum"
    assert titles["contoh/harga/hpp.html"] == "Harga pokok produksi \u2013 Harga Jual"
    assert titles["contoh/harga/kuis.html"] == "Kuis: Harga Jual \u2013 Contoh Kurikulum"
    assert titles["contoh/tes-awal.html"] == "Tes awal \u2013 Contoh Kurikulum"
    assert titles["contoh/glosarium.html"] == "Glosarium \u2013 Contoh Kurikulum"
    assert titles["contoh/panduan.html"] == "Panduan pelatih \u2013 Contoh Kurikulum"
    assert titles["contoh/panduan/lembar/index.html"] == "Lembar cetak \u2013 Contoh Kurikulum"
    quizzes = [title for path, title in titles.items() if path.endswith("/kuis.html")]
    assert len(set(quizzes)) == len(quizzes) == 2


def test_english_titles() -> None:
    shop = _curricula(GUIDE, "shop-basics")[0]
    titles = page_titles(plan_site([shop], Options(language="en")), "Berdaya")
    assert titles["shop-basics/pricing/quiz.html"] == "Quiz: Pricing \u2013 Shop Basics"
    assert titles["shop-basics/learner-book.html"] == "Learner book (print) \u2013 Shop Basics"


def test_metadata_of_one_curriculum(
    contoh: CurriculumSource, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    names = ["index.html", "contoh/index.html", "assets/images/favicon.png"]
    meta = metadata([contoh], SITE, names, "contoh")
    assert meta.items() == [
        ("Name", "berdaya_id_contoh"),
        ("Title", "Contoh Kurikulum"),
        ("Description", "Kurikulum kecil untuk pengujian generator."),
        ("Language", "ind"),
        ("Creator", "Berdaya"),
        ("Publisher", "Berdaya"),
        ("Date", "2023-11-14"),
        ("Tags", TAGS),
        ("Scraper", "Berdaya 0.1.0"),
    ]
    with_media = metadata([contoh], SITE, [*names, "contoh/media/kebun.jpg"], "contoh")
    assert "_pictures:yes" in with_media.tags


def test_a_long_summary_goes_whole_into_the_long_description(contoh: CurriculumSource) -> None:
    summary = "Kurikulum ini " + "membahas pembukuan warung dengan contoh nyata " * 4
    model = contoh.model.model_copy(update={"title": "Judul " * 10, "summary": summary})
    long = replace(contoh, model=model)
    meta = metadata([long], replace(SITE, trainer=True), [], "contoh")
    assert len(meta.title) <= TITLE_MAX
    assert len(meta.description) <= DESCRIPTION_MAX
    assert meta.description.endswith("\u2026")
    assert meta.long_description == " ".join(summary.split())
    assert ("LongDescription", meta.long_description) in meta.items()
    assert meta.name == "berdaya_id_contoh_pelatih"


def test_metadata_of_several_curricula_in_two_languages() -> None:
    curricula = _curricula(GUIDE)
    meta = metadata(curricula, replace(SITE, publisher="Yayasan Tunas Desa"), [], "all")
    assert meta.name == "berdaya_mul_all"
    assert meta.title == "Berdaya"
    assert meta.description == "Materi pelatihan pemberdayaan masyarakat"
    assert meta.language == "eng,ind"
    assert (meta.creator, meta.publisher) == ("Yayasan Tunas Desa", "Yayasan Tunas Desa")
    assert meta.tags.startswith("berdaya;training;pelatihan;")
    no_description = metadata(curricula, replace(SITE, site_description=None), [], "all")
    assert no_description.description == "Shop Basics; Usaha Warung"


def test_the_indexed_text_is_the_article_without_navigation_scripts_or_permalinks() -> None:
    page = (
        "<html><head><title>Kuis - Berdaya</title></head><body>"
        "<nav><a href='x.html'>Catatan Kas</a></nav>"
        "<article class='md-content__inner'><h1>HPP<a class='headerlink' href='#hpp'>¶</a></h1>"
        "<p>Biaya bahan &amp; tenaga</p><script>var sealed = 'jawaban';</script>"
        "<div><div>overhead</div></div></article><footer>Berdaya</footer></body></html>"
    )
    assert article_text(page) == "HPP Biaya bahan & tenaga overhead"


def test_retitle_escapes_the_title() -> None:
    page = "<head><title>Kuis - Berdaya</title></head><body><title>x</title></body>"
    assert retitle(page, "Kuis: <Harga> & Jual") == (
        "<head><title>Kuis: &lt;Harga&gt; &amp; Jual</title></head><body><title>x</title></body>"
    )


def _request(output: str | None) -> ExportRequest:
    return ExportRequest(output=Path(output) if output else None)


def test_output_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    curricula = _curricula(GUIDE)
    prepared = Prepared(None, GUIDE, Options(), None)  # type: ignore[arg-type]
    each = [[c] for c in curricula]
    assert output_paths(_request(None), each, prepared) == [
        Path("dist/shop-basics.zim"),
        Path("dist/usaha-warung.zim"),
    ]
    assert output_paths(_request(None), [curricula], prepared) == [Path("dist/berdaya.zim")]
    assert output_paths(_request("hotspot"), [curricula], prepared) == [Path("hotspot/berdaya.zim")]
    assert output_paths(_request("x.zim"), [curricula], prepared) == [Path("x.zim")]
    assert output_paths(_request("x.zim"), each[:1], prepared) == [Path("x.zim")]
    trainer = replace(_request(None), audience="trainer")
    assert output_paths(trainer, each, prepared)[1] == Path("dist/usaha-warung-pelatih.zim")
    with pytest.raises(UsageError) as caught:
        output_paths(_request("x.zim"), each, prepared)
    assert str(caught.value) == (
        "-o x.zim names one file, but 2 ZIM files are written (one per curriculum): "
        "name a folder, one curriculum, or add --one-file"
    )
    (tmp_path / "berkas").write_text("x")
    with pytest.raises(UsageError) as caught:
        output_paths(_request("berkas"), each, prepared)
    assert str(caught.value) == (
        "-o berkas is a file: name a folder for the ZIM files (or a file ending in .zim for "
        "one ZIM)"
    )


def test_the_report_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, contoh: CurriculumSource
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "contoh.zim").write_bytes(b"ZIM\x04" + b"\x00" * 250_000)
    meta = metadata([contoh], SITE, [], "contoh")
    file = ZimFile(Path("dist/contoh.zim"), ["contoh"], meta, "contoh/index.html", 35, 13)
    report = ZimReport([file], [], ["logo.svg is an SVG"])
    wrote = (
        'wrote dist/contoh.zim: 0.3 MB, 35 entries (13 pages), "Contoh Kurikulum", '
        "main page contoh/index.html"
    )
    warning = (
        "warning: dist/contoh.zim is 0.3 MB, over the budget of 0.2 MB: large media files "
        "are the usual cause"
    )
    assert zim_lines(report, budget=200_000) == [wrote, warning, "note: logo.svg is an SVG"]


# The illustration.


def _pixels(png: bytes) -> bytes:
    """The raw rows of a PNG written by encode_png (one IDAT chunk)."""
    length = struct.unpack(">I", png[33:37])[0]
    assert png[37:41] == b"IDAT"
    return zlib.decompress(png[41 : 41 + length])


def test_the_default_icon_is_a_48px_png_the_same_every_time() -> None:
    png = default_png()
    assert png == default_png()
    assert png_size(png) == (48, 48)
    raw = _pixels(png)
    assert len(raw) == 48 * (1 + 48 * 4)
    row = raw[24 * 193 + 1 : 25 * 193]
    assert tuple(row[0:4]) == (0x1B, 0x5E, 0x20, 255), "green at the left edge"
    assert tuple(row[14 * 4 : 14 * 4 + 4]) == (255, 255, 255, 255), "the book's left page"
    assert tuple(raw[1:5])[3] == 0, "the corner is rounded off"


def test_a_48px_png_logo_is_used_as_it_is(tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(default_png())
    made = illustration(logo)
    assert (made.png, made.source, made.note) == (default_png(), logo, None)


def test_a_larger_logo_is_scaled_with_pillow(tmp_path: Path) -> None:
    image_module = pytest.importorskip("PIL.Image")
    logo = tmp_path / "logo.jpg"
    buffer = io.BytesIO()
    image_module.new("RGB", (200, 100), (10, 120, 200)).save(buffer, format="JPEG")
    logo.write_bytes(buffer.getvalue())
    made = illustration(logo)
    assert png_size(made.png) == (48, 48)
    assert made.source == logo
    assert made.note is None
    with image_module.open(io.BytesIO(made.png)) as image:
        assert image.convert("RGBA").getpixel((0, 0))[3] == 0
        assert image.convert("RGBA").getpixel((24, 24))[3] == 255


def test_an_svg_logo_or_no_pillow_gives_the_default_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    made = illustration(svg)
    assert made.png == default_png()
    assert made.note == (
        "logo.svg is an SVG: the ZIM shows Berdaya's default icon (give a PNG logo of 48x48)"
    )
    monkeypatch.setitem(sys.modules, "PIL.Image", None)
    big = tmp_path / "logo.png"
    big.write_bytes(default_png().replace(struct.pack(">II", 48, 48), struct.pack(">II", 96, 96)))
    made = illustration(big)
    assert made.png == default_png()
    assert made.note == (
        "logo.png cannot be scaled to 48x48 without Pillow: the ZIM shows the default icon "
        "(pip install 'berdaya[zim]')"
    )
