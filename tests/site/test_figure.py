"""Pictures with a caption: a titled image alone in its paragraph becomes a figure."""

from __future__ import annotations

import markdown

from generator.site.figure import NAME, with_figures
from generator.site.prose import prose


def render(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", "attr_list", NAME])


def test_a_titled_image_alone_in_its_paragraph_becomes_a_figure_with_its_caption() -> None:
    html = render('Teks.\n\n![Lapisan jerami dan kotoran](media/kompos.svg "Susun berlapis.")\n\nLagi.')
    assert html == (
        "<p>Teks.</p>\n"
        '<figure class="berdaya-figure"><img alt="Lapisan jerami dan kotoran" '
        'src="media/kompos.svg" /><figcaption>Susun berlapis.</figcaption></figure>\n'
        "<p>Lagi.</p>"
    )


def test_the_caption_is_text_escaped_and_no_longer_a_tooltip() -> None:
    html = render('![A](media/a.svg "<b>Tebal</b> & tipis")')
    assert "<figcaption>&lt;b&gt;Tebal&lt;/b&gt; &amp; tipis</figcaption>" in html
    assert "title=" not in html


def test_an_image_in_a_sentence_or_without_a_title_stays_an_image() -> None:
    assert render('Lihat ![A](media/a.svg "Judul") ini.') == (
        '<p>Lihat <img alt="A" src="media/a.svg" title="Judul" /> ini.</p>'
    )
    assert render("![A](media/a.svg)") == '<p><img alt="A" src="media/a.svg" /></p>'
    assert render('![A](media/a.svg "  ")') == '<p><img alt="A" src="media/a.svg" title="" /></p>'


def test_a_figure_works_inside_an_admonition() -> None:
    html = render('!!! tip "Lihat"\n    ![A](media/a.svg "Keterangan")')
    assert '<figure class="berdaya-figure"><img alt="A" src="media/a.svg" />' in html
    assert "<figcaption>Keterangan</figcaption>" in html


def test_quiz_text_gets_figures_too() -> None:
    html = prose('![Koin](media/koin.svg "Uang logam")', "../")
    assert html == (
        '<figure class="berdaya-figure"><img alt="Koin" data-berdaya-media="" '
        'src="../media/koin.svg"><figcaption>Uang logam</figcaption></figure>'
    )


def test_the_extension_is_added_once() -> None:
    assert with_figures(["tables"]) == ["tables", NAME]
    assert with_figures(["tables", NAME]) == ["tables", NAME]
