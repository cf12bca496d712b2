"""Built pages rewritten as views of the single file: ids, links, media (pure, no build)."""

from __future__ import annotations

import base64
import json
import re
from html import escape, unescape
from urllib.parse import unquote

from generator.outputs.views import Pages, data_uri, local_references, make_view
from generator.site.seal import seal, unseal

KEYS = {
    "contoh/index.html": "/",
    "contoh/harga/index.html": "/harga/",
    "contoh/harga/hpp.html": "/harga/hpp/",
    "contoh/harga/kuis.html": "/harga/kuis/",
    "contoh/glosarium.html": "/glosarium/",
}
FILES = {
    "contoh/media/koin.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><text>Rp #1</text></svg>',
    "contoh/media/foto.png": b"\x89PNG\r\n\x1a\nfake",
    "contoh/media/lembar kerja.pdf": b"%PDF-1.4 fake",
}
PAGES = Pages(KEYS, FILES.get)


def view(html: str, url: str = "contoh/harga/hpp.html", key: str = "/harga/hpp/"):
    return make_view(html, url, key, PAGES)


def test_ids_get_the_view_address_and_references_follow() -> None:
    html = (
        '<h2 id="tujuan">Tujuan</h2>'
        '<fieldset id="berdaya-q1"><legend id="berdaya-q1-prompt">1.</legend>'
        '<label for="berdaya-q1-input">x</label>'
        '<input id="berdaya-q1-input" aria-labelledby="berdaya-q1-prompt berdaya-q1-unit">'
        "</fieldset>"
    )
    out = view(html).html
    assert '<h2 id="/harga/hpp/#tujuan">' in out
    assert '<fieldset id="/harga/hpp/#berdaya-q1">' in out
    assert 'for="/harga/hpp/#berdaya-q1-input"' in out
    assert 'aria-labelledby="/harga/hpp/#berdaya-q1-prompt /harga/hpp/#berdaya-q1-unit"' in out


def test_links_to_pages_of_the_curriculum_become_hash_links() -> None:
    html = (
        '<a href="#tujuan">a</a><a href="#">b</a><a href="kuis.html">c</a>'
        '<a href="index.html#hitung-keripik">d</a><a href="../index.html">e</a>'
        '<a href="hpp.html">f</a><a class="headerlink" href="#hpp">&para;</a>'
    )
    out = view(html).html
    assert '<a href="#/harga/hpp/#tujuan">a</a>' in out
    assert '<a href="#/harga/hpp/">b</a>' in out
    assert '<a href="#/harga/kuis/">c</a>' in out
    assert '<a href="#/harga/#hitung-keripik">d</a>' in out
    assert '<a href="#/">e</a>' in out
    assert '<a href="#/harga/hpp/">f</a>' in out
    assert '<a class="headerlink" href="#/harga/hpp/#hpp">&para;</a>' in out


def test_links_to_pages_that_are_not_in_the_file_are_kept_as_text() -> None:
    result = view('<p><a href="../buku-peserta.html#hpp">buku</a> dan <a href="../../x/">x</a></p>')
    assert result.html == "<p><a>buku</a> dan <a>x</a></p>"
    assert result.unlinked == ["../buku-peserta.html#hpp", "../../x/"]


def test_links_to_other_hosts_open_in_a_new_tab_and_unsafe_schemes_are_dropped() -> None:
    result = view(
        '<a href="https://ojk.go.id/">ojk</a><a href="mailto:a@b.id">m</a>'
        '<a href="tel:+62123">t</a><a href="javascript:alert(1)">j</a>'
        '<a href="JavaScript&colon;alert(1)">k</a><a href="data:text/html,x">d</a>'
    )
    assert '<a href="https://ojk.go.id/" target="_blank" rel="noopener">ojk</a>' in result.html
    assert '<a href="mailto:a@b.id">m</a>' in result.html
    assert '<a href="tel:+62123">t</a>' in result.html
    assert "javascript" not in result.html.lower()
    assert "data:text/html" not in result.html
    assert result.unlinked == ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x"]


def test_media_become_data_uris() -> None:
    result = view('<p><img alt="Koin" src="../media/koin.svg"><img src="../media/foto.png"></p>')
    svg, png = result.html.split("<img")[1:]
    assert 'src="data:image/svg+xml,' in svg
    uri = svg.split('src="')[1].split('"')[0]
    assert (
        unquote(uri.removeprefix("data:image/svg+xml,")) == FILES["contoh/media/koin.svg"].decode()
    )
    assert "%23" in uri, "a # in an SVG would end the data: URI early"
    encoded = base64.b64encode(FILES["contoh/media/foto.png"]).decode()
    assert f'src="data:image/png;base64,{encoded}"' in png
    assert result.missing == []


def test_links_to_media_files_download_them() -> None:
    out = view('<a href="../media/lembar%20kerja.pdf">Lembar</a>').html
    assert 'href="data:application/pdf;base64,' in out
    assert 'download="lembar kerja.pdf"' in out


def test_a_missing_media_file_is_reported() -> None:
    result = view('<img src="../media/hilang.png"><img src="../../../etc/passwd">')
    assert result.missing == [
        ("<img src>", "../media/hilang.png"),
        ("<img src>", "../../../etc/passwd"),
    ]


def test_the_script_strings_and_comments_are_dropped() -> None:
    html = (
        "<!-- dibuat oleh berdaya dari content/contoh/modules/harga.yml; "
        "jangan diedit, edit YAML-nya -->"
        '<p>a</p><div class="berdaya-strings" hidden><script type="application/json">'
        '[{"a":"<div>"}]</script></div><div class="berdaya-progress"></div>'
    )
    result = view(html)
    assert result.html == '<p>a</p><div class="berdaya-progress"></div>'
    assert result.source == "content/contoh/modules/harga.yml"


def test_a_dropped_element_ends_at_its_own_end_tag() -> None:
    html = (
        '<div class="berdaya-strings"><div><p>open paragraph</div><ul><li>x</div>'
        '<p>after</p><div id="kept"></div>'
    )
    assert view(html).html == '<p>after</p><div id="/harga/hpp/#kept"></div>'


def test_text_entities_and_scripts_are_copied_as_they_are() -> None:
    html = (
        '<h1 id="hpp">HPP &amp; harga &#8212; &lt;b&gt;<a class="headerlink" href="#hpp">'
        '&para;</a></h1><script type="application/json">[{"x":"\\u003c/p\\u003e & y"}]</script>'
        '<svg viewBox="0 0 24 24"><path d="M1 2"/></svg><br/><p hidden>x</p>'
    )
    result = view(html)
    assert result.html == html.replace('id="hpp"', 'id="/harga/hpp/#hpp"').replace(
        'href="#hpp"', 'href="#/harga/hpp/#hpp"'
    )
    assert result.title == "HPP & harga \u2014 <b>"


def test_glossary_terms_get_ids() -> None:
    html = "<dl><dt>HPP</dt><dd>a</dd><dt>Harga &amp; jual</dt><dd>b</dd><dt>HPP</dt></dl>"
    out = view(html, "contoh/glosarium.html", "/glosarium/").html
    assert '<dt id="/glosarium/#hpp">HPP</dt>' in out
    assert '<dt id="/glosarium/#harga-jual">Harga &amp; jual</dt>' in out
    assert '<dt id="/glosarium/#hpp-2">HPP</dt>' in out


def test_a_srcset_is_dropped() -> None:
    out = view('<img src="../media/foto.png" srcset="../media/foto.png 2x">').html
    assert "srcset" not in out


def test_data_uri_types() -> None:
    assert data_uri("a.txt", b"hi") == "data:text/plain;base64,aGk="
    assert data_uri("a.unknownext", b"hi") == "data:application/octet-stream;base64,aGk="
    assert (
        data_uri("a.svg", b'<svg a="1">\n</svg>')
        == "data:image/svg+xml,%3Csvg a=%221%22%3E%0A%3C/svg%3E"
    )


def test_local_references_finds_anything_that_needs_another_file() -> None:
    html = (
        '<a href="#/x/">a</a><a href="https://ojk.go.id">b</a><a href="data:text/plain,x">c</a>'
        '<img src="data:image/png;base64,AA"><form action="#"></form>'
        '<a href="lain.html">d</a><img src="media/x.png"><link href="gaya.css" rel="stylesheet">'
        '<video poster="p.jpg"></video><p style="background: url(bg.png)">e</p>'
        "<style>.x { background: url('y.png') } .z { background: url(data:image/png;base64,AA) }"
        "</style>"
    )
    assert local_references(html) == [
        ("<a href>", "lain.html"),
        ("<img src>", "media/x.png"),
        ("<link href>", "gaya.css"),
        ("<video poster>", "p.jpg"),
        ("CSS url()", "bg.png"),
        ("CSS url()", "y.png"),
    ]


def test_the_sealed_answer_keys_of_a_quiz_are_rewritten_too() -> None:
    key = (
        '<div class="berdaya-q__explanation"><p><img alt="Koin" src="../media/koin.svg"> '
        '<a href="hpp.html">Lihat HPP</a> <a href="../lain/x.html">lain</a></p></div>'
    )
    sealed = seal({"answers": [{"correct": [0]}], "keys": [key]}, "contoh/harga")
    data = {"curriculum": "contoh", "module": "harga", "sealed": sealed}
    html = f'<div class="berdaya-quiz" data-quiz="{escape(json.dumps(data))}"></div>'
    rewritten = view(html, "contoh/harga/kuis.html", "/harga/kuis/")
    attribute = re.search(r'data-quiz="([^"]*)"', rewritten.html)
    assert attribute is not None
    new = json.loads(unescape(attribute.group(1)))
    keys = unseal(new["sealed"], "contoh/harga")["keys"]  # type: ignore[index]
    assert 'src="data:image/svg+xml,' in keys[0]
    assert '<a href="#/harga/hpp/">Lihat HPP</a>' in keys[0]
    assert "../lain/x.html" not in keys[0]
    assert rewritten.unlinked == ["../lain/x.html"]
    assert unseal(new["sealed"], "contoh/harga")["answers"] == [{"correct": [0]}]  # type: ignore[index]
