"""The offline scanner: every kind of network reference, with its exact message."""

from __future__ import annotations

import pytest

from generator.outputs.offline import (
    MERMAID_URL,
    Finding,
    is_remote,
    locate,
    scan,
    scan_css,
    scan_html,
    scan_js,
    source_of,
)

SOURCE = "content/contoh/modules/harga.yml"
HEADER = f"<!-- dibuat oleh berdaya dari {SOURCE}; jangan diedit, edit YAML-nya -->"
PAGE = "contoh/harga/hpp.html"
MEDIA_HINT = "put the file in the curriculum's media/ folder, or make it a plain link"
FILE_HINT = "use a copy of the file in the site instead"


def lesson(body: str) -> list[str]:
    """Messages for a generated lesson page whose article holds ``body``."""
    html = f"<html><head></head><body><article>{HEADER}\n{body}</article></body></html>"
    return [finding.format() for finding in scan_html(PAGE, html)]


def error(kind: str, url: str, hint: str = MEDIA_HINT) -> str:
    """The message for a load in the generated lesson page."""
    return f"{SOURCE}: error: {PAGE}: {kind} loads {url} from the network; {hint}"


def file_error(page: str, kind: str, url: str) -> str:
    """The message for a load in a file that no YAML generated."""
    return f"{page}: error: {kind} loads {url} from the network; {FILE_HINT}"


def link(url: str) -> str:
    return f"{SOURCE}: warning: {PAGE}: links to {url} (opens only with a connection)"


@pytest.mark.parametrize(
    ("body", "kind", "url"),
    [
        (
            '<img src="https://example.org/foto.jpg" alt="">',
            "<img src>",
            "https://example.org/foto.jpg",
        ),
        (
            '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
            "<iframe src>",
            "https://www.youtube.com/embed/abc",
        ),
        ('<video src="//cdn.example.org/v.mp4"></video>', "<video src>", "//cdn.example.org/v.mp4"),
        (
            '<video src="media/v.mp4" poster="http://example.org/p.jpg"></video>',
            "<video poster>",
            "http://example.org/p.jpg",
        ),
        (
            '<audio src="https://example.org/a.mp3"></audio>',
            "<audio src>",
            "https://example.org/a.mp3",
        ),
        (
            '<video><source src="https://example.org/v.webm" type="video/webm"></video>',
            "<source src>",
            "https://example.org/v.webm",
        ),
        (
            '<video><track src="https://example.org/sub.vtt"></video>',
            "<track src>",
            "https://example.org/sub.vtt",
        ),
        ('<embed src="https://example.org/x.swf">', "<embed src>", "https://example.org/x.swf"),
        (
            '<object data="https://example.org/x.pdf"></object>',
            "<object data>",
            "https://example.org/x.pdf",
        ),
        (
            '<input type="image" src="https://example.org/b.png">',
            "<input src>",
            "https://example.org/b.png",
        ),
        (
            '<svg><image href="https://example.org/i.png"/></svg>',
            "<image href>",
            "https://example.org/i.png",
        ),
        (
            '<svg><use xlink:href="https://example.org/s.svg#i"></use></svg>',
            "<use xlink:href>",
            "https://example.org/s.svg#i",
        ),
        (
            '<script src="https://example.org/x.js"></script>',
            "<script src>",
            "https://example.org/x.js",
        ),
        (
            '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
            "<link href>",
            "https://fonts.googleapis.com/css?family=Roboto",
        ),
        (
            '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
            "<link href>",
            "https://fonts.gstatic.com",
        ),
        ('<link href="https://example.org/x.css">', "<link href>", "https://example.org/x.css"),
        (
            '<meta http-equiv="refresh" content="0; url=https://example.org/">',
            "<meta refresh>",
            "https://example.org/",
        ),
        (
            '<div style="background: url(https://example.org/bg.png)">x</div>',
            "CSS url()",
            "https://example.org/bg.png",
        ),
        (
            "<style>@import 'https://example.org/x.css';</style>",
            "CSS @import",
            "https://example.org/x.css",
        ),
        (
            '<style>p { background: url("https://example.org/p.png") }</style>',
            "CSS url()",
            "https://example.org/p.png",
        ),
        (
            '<script>fetch("https://api.example.org/data.json")</script>',
            "script URL",
            "https://api.example.org/data.json",
        ),
        ('<base href="https://example.org/">', "<base href>", "https://example.org/"),
        (
            '<iframe srcdoc="&lt;img src=&quot;https://example.org/i.png&quot;&gt;"></iframe>',
            "<iframe srcdoc> <img src>",
            "https://example.org/i.png",
        ),
        (
            '<link rel="preload" as="image" href="https://example.org/p.png">',
            "<link href>",
            "https://example.org/p.png",
        ),
        (
            '<link rel="prefetch" href="https://example.org/next.html">',
            "<link href>",
            "https://example.org/next.html",
        ),
        (
            '<svg><image href="https://example.org/s.png"/></svg>',
            "<image href>",
            "https://example.org/s.png",
        ),
        (
            '<video src="../media/v.mp4" poster="https://example.org/poster.jpg"></video>',
            "<video poster>",
            "https://example.org/poster.jpg",
        ),
        (
            '<table background="https://example.org/t.png"><tr><td>x</td></tr></table>',
            "<table background>",
            "https://example.org/t.png",
        ),
    ],
)
def test_each_kind_of_load_is_an_error_naming_page_source_and_url(
    body: str, kind: str, url: str
) -> None:
    assert lesson(body) == [error(kind, url)]


def test_srcset_reports_each_remote_candidate() -> None:
    body = '<img src="media/a.png" srcset="media/a2.png 2x, https://example.org/a3.png 3x">'
    assert lesson(body) == [error("<img srcset>", "https://example.org/a3.png")]


def test_a_plain_link_is_a_warning() -> None:
    assert lesson('<a href="https://example.org/info">info</a>') == [
        link("https://example.org/info")
    ]


def test_links_in_the_theme_footer_are_not_reported() -> None:
    page = (
        '<article><a href="https://example.org/info">info</a></article>'
        '<footer class="md-footer"><div class="md-copyright">Made with '
        '<a href="https://squidfunk.github.io/mkdocs-material/">Material for MkDocs</a>'
        '<img src="https://example.org/badge.png"></div></footer>'
        '<a href="https://example.org/after">after</a>'
    )
    assert [(f.kind, f.url) for f in scan_html("contoh/index.html", page)] == [
        ("<a href>", "https://example.org/info"),
        ("<img src>", "https://example.org/badge.png"),
        ("<a href>", "https://example.org/after"),
    ]


def test_local_and_harmless_references_are_not_reported() -> None:
    body = """
    <img src="../media/foto.jpg" srcset="../media/foto.jpg 1x, data:image/png;base64,AAAA 2x">
    <img src="data:image/png;base64,iVBORw0KGgo=">
    <a href="mailto:tim@example.org">mail</a> <a href="tel:+62123">tel</a> <a href="#top">top</a>
    <a href="../index.html">home</a>
    <link rel="canonical" href="https://example.org/contoh/">
    <link rel="alternate" type="application/rss+xml" href="https://example.org/feed.xml">
    <svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>
    <script type="application/json">{"site": "https://example.org/"}</script>
    <script>document.createElementNS("http://www.w3.org/2000/svg", "svg")</script>
    <div style="background: url(../media/bg.png)"></div>
    <p>Lihat https://example.org/ di rumah.</p>
    <pre><code>&lt;img src="https://example.org/code.png"&gt; url(https://example.org/c.png)</code></pre>
    <p><code>&lt;script src="https://example.org/x.js"&gt;</code></p>
    """
    assert lesson(body) == []


def test_no_finding_line_holds_a_line_break() -> None:
    finding = Finding("p.html", "<img src>", "https://example.org/a\nb.png", "content/c.yml", 3, 4)
    assert "\n" not in finding.format()
    assert finding.format().startswith("content/c.yml:3:4: error: p.html: <img src> loads ")


def test_a_mermaid_diagram_makes_material_load_mermaid() -> None:
    hint = "add a local mermaid.min.js to extra_javascript, or leave out the diagram"
    assert lesson('<pre class="mermaid"><code>graph LR; A--&gt;B</code></pre>') == [
        error("mermaid diagram", MERMAID_URL, hint)
    ]


def test_a_local_mermaid_script_loads_nothing() -> None:
    body = '<script src="../../js/mermaid.min.js"></script><pre class="mermaid">graph</pre>'
    assert lesson(body) == []


def test_a_github_repository_link_makes_material_fetch_its_facts() -> None:
    url = "https://github.com/berdaya/kurikulum"
    body = f'<a href="{url}" title="Repo" class="md-source" data-md-component="source">repo</a>'
    assert lesson(body) == [
        link(url),
        error("repository link", url, "leave out repo_url for offline copies"),
    ]


def test_a_page_without_a_source_comment_is_named_alone() -> None:
    html = '<html><head><script src="https://unpkg.com/iframe-worker/shim"></script></head></html>'
    assert [f.format() for f in scan_html("index.html", html)] == [
        file_error("index.html", "<script src>", "https://unpkg.com/iframe-worker/shim")
    ]


def test_theme_references_outside_the_content_have_no_source() -> None:
    fonts = "https://fonts.googleapis.com/css?family=Roboto"
    html = (
        f'<html><head><link rel="stylesheet" href="{fonts}"></head><body>'
        f'<article>{HEADER}<p>Isi</p></article><footer><img src="https://example.org/logo.png">'
        "</footer></body></html>"
    )
    font_hint = "set 'font: false' under 'theme:' in mkdocs.yml (system fonts)"
    assert [f.format() for f in scan_html(PAGE, html)] == [
        f"{PAGE}: error: <link href> loads {fonts} from the network; {font_hint}",
        file_error(PAGE, "<img src>", "https://example.org/logo.png"),
    ]


def test_a_reference_repeated_on_a_page_is_reported_once_and_can_name_other_pages() -> None:
    findings = lesson('<img src="https://example.org/a.png"><img src="https://example.org/a.png">')
    assert findings == [error("<img src>", "https://example.org/a.png")]
    [finding] = scan_html("index.html", '<script src="https://example.org/x.js"></script>')
    assert finding.format(elsewhere=2) == (
        "index.html: error: <script src> loads https://example.org/x.js from the network "
        f"(also on 2 more pages); {FILE_HINT}"
    )


def test_english_pages_name_their_source_too() -> None:
    html = (
        "<!-- generated by berdaya from content/farm/modules/soil.yml; "
        "do not edit, edit the YAML -->"
        '<img src="https://example.org/soil.jpg">'
    )
    [finding] = scan_html("farm/soil/intro.html", html)
    assert finding.source == "content/farm/modules/soil.yml"


def test_stylesheet_urls_and_imports() -> None:
    css = """
    /* url(https://example.org/commented.png) is not loaded */
    @import url("https://fonts.googleapis.com/css?family=Roboto");
    @import "local.css";
    @font-face { src: url('https://fonts.gstatic.com/r.woff2') format("woff2"); }
    .icon { mask: url("data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg'/>"); }
    .bg { background: url(../images/bg.png); }
    """
    assert [f.format() for f in scan_css("assets/extra.css", css)] == [
        file_error(
            "assets/extra.css", "CSS @import", "https://fonts.googleapis.com/css?family=Roboto"
        ),
        file_error("assets/extra.css", "CSS url()", "https://fonts.gstatic.com/r.woff2"),
    ]


def test_script_strings_with_urls_of_other_hosts() -> None:
    js = """
    // see https://example.org/docs (a comment, not a string)
    var ns = "http://www.w3.org/2000/svg";
    var local = "../data.json";
    importScripts('https://cdn.example.org/lib.js');
    const api = `//api.example.org:8080/v1`;
    """
    assert [f.format() for f in scan_js("assets/berdaya/x.js", js)] == [
        file_error("assets/berdaya/x.js", "script URL", "https://cdn.example.org/lib.js"),
        file_error("assets/berdaya/x.js", "script URL", "//api.example.org:8080/v1"),
    ]


def test_scan_reads_html_css_and_js_by_name_and_skips_theme_scripts() -> None:
    remote = '"https://example.org/x.js"'
    files = {
        "b.css": "p { background: url(https://example.org/b.png) }",
        "a.html": '<img src="https://example.org/a.png">',
        "theme.js": f"load({remote})",
        "ours.js": f"load({remote})",
        "notes.txt": "https://example.org/",
    }
    findings = scan(files, skip_scripts=["theme.js"])
    assert [(f.page, f.kind) for f in findings] == [
        ("a.html", "<img src>"),
        ("b.css", "CSS url()"),
        ("ours.js", "script URL"),
    ]


def test_a_located_finding_names_line_and_column() -> None:
    finding = Finding(PAGE, "<img src>", "https://example.org/f.jpg", SOURCE, 12, 9)
    assert finding.format() == (
        f"{SOURCE}:12:9: error: {PAGE}: <img src> loads https://example.org/f.jpg "
        f"from the network; {MEDIA_HINT}"
    )


def test_locate_finds_line_and_column() -> None:
    text = "title: X\nlessons:\n  - body: |\n      ![a](https://example.org/a.png)\n"
    assert locate(text, "https://example.org/a.png") == (4, 12)
    assert locate(text, "https://example.org/missing.png") is None


@pytest.mark.parametrize(
    ("url", "remote"),
    [
        ("https://example.org/", True),
        ("HTTP://EXAMPLE.ORG/", True),
        ("//example.org/x.js", True),
        ("ftp://example.org/f", True),
        ("wss://example.org/socket", True),
        ("../media/a.png", False),
        ("/assets/x.css", False),
        ("data:image/png;base64,AAAA", False),
        ("file:///sdcard/a.html", False),
        ("mailto:a@example.org", False),
        ("javascript:void(0)", False),
        ("#anchor", False),
        ("", False),
    ],
)
def test_is_remote(url: str, *, remote: bool) -> None:
    assert is_remote(url) is remote


def test_source_of_reads_both_languages_and_ignores_other_comments() -> None:
    assert source_of(
        " dibuat oleh berdaya dari content/a/curriculum.yml; jangan diedit, edit YAML-nya "
    ) == ("content/a/curriculum.yml")
    assert source_of(
        "generated by berdaya from content/b/modules/m.yml; do not edit, edit the YAML"
    ) == ("content/b/modules/m.yml")
    assert source_of(" a comment ") is None
