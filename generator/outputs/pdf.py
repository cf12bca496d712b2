"""``berdaya pdf``: the printable trainer guide or learner book as one PDF file.

The printable pages are rendered on their own rather than taken from a
built site: the same Markdown, Markdown extensions and print stylesheet as
the site, wrapped in a small HTML page without Material's stylesheet and
scripts. That needs no site build first and WeasyPrint lays out a page with
one short stylesheet several times faster than one with Material's; see
:data:`STANDALONE_NOTE`. WeasyPrint is the optional extra ``berdaya[pdf]``.
"""

from __future__ import annotations

import base64
import contextlib
import html
import importlib
import io
import mimetypes
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit
from urllib.request import url2pathname

import markdown

from generator import resources
from generator.content.check import check_folders, select_curricula
from generator.content.diagnostics import Diagnostic, has_errors
from generator.content.media import media_folder
from generator.content.project import CurriculumSource
from generator.exceptions import ContentError, PdfError
from generator.i18n import t
from generator.outputs.guard import check_output_file
from generator.outputs.pdf_front import contents, front_html
from generator.site.figure import with_figures
from generator.site.plan import Options, plan_site
from generator.site.render import environment, render_page
from generator.site.sanitize import clean
from generator.site.sheets import logo_path
from generator.site.write import write_atomically

Audience = Literal["trainer", "learner"]
TEMPLATES: dict[Audience, str] = {"trainer": "print_guide.md.j2", "learner": "book.md.j2"}
SLUGS: dict[Audience, str] = {"trainer": "slug.print_guide", "learner": "slug.book"}
STYLESHEET = resources.ASSETS / "berdaya-print.css"
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
STANDALONE_NOTE = (
    "Measured on the biggest bundled curriculum: the standalone page takes a few "
    "seconds; the built site page first needs a full site build and then lays out "
    "against Material's stylesheet, several times slower for the same pages."
)

INSTALL_HINT = (
    "WeasyPrint is not installed: in a checkout run .venv/bin/pip install -e '.[pdf]' "
    "(make site does it), otherwise pip install 'berdaya[pdf]'"
)
LIBRARIES_HINT = (
    "WeasyPrint cannot load the system libraries it needs ({error}); on Debian or Ubuntu: "
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
)


@dataclass(frozen=True)
class Settings:
    """What the PDF is made from, as read from mkdocs.yml."""

    content_dir: Path
    options: Options
    templates_dir: Path | None
    extensions: list[Any]
    extension_configs: dict[str, Any]
    trusted_html: bool = False
    """The plugin's ``trusted_html``: raw HTML of the content goes into the PDF unchanged."""
    organisation: str | None = None
    """Who gives the training, for the cover: mkdocs.yml's ``site_author``, else ``site_name``."""


@dataclass(frozen=True)
class Printed:
    """One written PDF."""

    path: Path
    pages: int
    curricula: list[str]
    diagnostics: list[Diagnostic]


def write_pdf(
    settings: Settings, ids: list[str], audience: Audience, output: Path | None
) -> Printed:
    """Write the printable pages of the curricula ``ids`` (all when empty) into one PDF.

    Only the named curricula are read and checked (content errors are reported even
    without WeasyPrint); each starts on a new page, in content order.

    Raises:
        PdfError: WeasyPrint is not installed.
        UsageError: an id is not a curriculum, or the output is not a PDF file to replace.
        ContentError: the content has errors.
    """
    folders = select_curricula(settings.content_dir, ids)
    if output is not None:
        check_output_file(output, "pdf")
    project, diagnostics = check_folders(
        folders, settings.options.language, settings.options.library_dirs
    )
    if has_errors(diagnostics):
        raise ContentError(diagnostics)
    weasyprint = load_weasyprint()
    curricula = project.curricula
    documents = [_document(weasyprint, settings, c, audience) for c in curricula]
    pages = [page for document in documents for page in document.pages]
    target = output or default_output(curricula, audience)
    check_output_file(target, "pdf")
    write_atomically(target, documents[0].copy(pages).write_pdf())
    return Printed(target, len(pages), [c.id for c in curricula], diagnostics)


def load_weasyprint() -> Any:  # noqa: ANN401 - WeasyPrint ships no type hints
    """The ``weasyprint`` module.

    Raises:
        PdfError: it is not installed, or the system libraries it needs are missing.
    """
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner when Pango is missing
            return importlib.import_module("weasyprint")
    except ImportError as exc:
        raise PdfError(INSTALL_HINT) from exc
    except OSError as exc:
        raise PdfError(LIBRARIES_HINT.format(error=exc)) from exc


def default_output(curricula: list[CurriculumSource], audience: Audience) -> Path:
    """``<id>-<slug>.pdf`` for one curriculum, ``berdaya-<audience>.pdf`` for several."""
    if len(curricula) == 1:
        c = curricula[0]
        return Path(f"{c.id}-{t(SLUGS[audience], c.language)}.pdf")
    return Path(f"berdaya-{audience}.pdf")


def page_html(settings: Settings, source: CurriculumSource, audience: Audience) -> str:
    """The printable page of one curriculum as a standalone HTML document."""
    options = replace(settings.options, include_guides=audience == "trainer")
    page = next(p for p in plan_site([source], options).pages if p.template == TEMPLATES[audience])
    root = settings.content_dir.resolve().parent
    text = _FRONT_MATTER.sub("", render_page(page, environment(settings.templates_dir), root))
    body = markdown.markdown(
        text,
        extensions=settings.extensions,
        extension_configs=settings.extension_configs,
        output_format="html",
    )
    if not settings.trusted_html:
        body = clean(body)
    body = embed_logo(body, page.path, source, options)
    body, entries = contents(body)
    organisation = options.sheets.organisation or settings.organisation
    front = front_html(source, audience, organisation, entries, settings.templates_dir)
    title = html.escape(source.model.title)
    css = STYLESHEET.read_text(encoding="utf-8")
    return (
        f'<!doctype html>\n<html lang="{source.language}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>\n{css}</style>\n</head>\n"
        f'<body class="berdaya-standalone">\n{front}\n<article class="md-typeset">\n{body}\n'
        "</article>\n</body>\n</html>\n"
    )


def embed_logo(body: str, page_path: str, source: CurriculumSource, options: Options) -> str:
    """The logo on the certificate as a ``data:`` URI (the PDF fetcher reads no other file).

    The page refers to it where the site has it (``<c>/panduan/lembar/organisation-logo.png``,
    relative to the page); only that exact address is replaced.
    """
    target = logo_path(source, options.sheets)
    logo = options.sheets.logo
    if target is None or logo is None:
        return body
    ref = html.escape("../" * page_path.count("/") + target)
    kind = mimetypes.guess_type(logo.name)[0] or "application/octet-stream"
    data = base64.b64encode(logo.read_bytes()).decode("ascii")
    return body.replace(f'src="{ref}"', f'src="data:{kind};base64,{data}"')


def _document(
    weasyprint: Any,  # noqa: ANN401 - WeasyPrint ships no type hints
    settings: Settings,
    source: CurriculumSource,
    audience: Audience,
) -> Any:  # noqa: ANN401
    """WeasyPrint's laid-out pages of one curriculum; media links resolve in its folder."""
    base_url = source.folder.resolve().as_uri() + "/"
    page = page_html(settings, source, audience)
    fetcher = media_fetcher(weasyprint, media_folder(source.folder))
    return weasyprint.HTML(string=page, base_url=base_url, url_fetcher=fetcher).render()


def media_fetcher(weasyprint: Any, media: Path | None) -> Any:  # noqa: ANN401 - untyped
    """A URL fetcher that gives WeasyPrint the curriculum's media files and ``data:`` only.

    Everything else is refused: other files (``file:///…``, ``../../mkdocs.yml``, a
    symlink in media/ that leads outside it, attachments) and the network.

    Args:
        weasyprint: the module.
        media: the curriculum's media folder, resolved (None: it leads outside).
    """

    def permitted(url: str) -> bool:
        if url.startswith("data:"):
            return True
        if media is None or not url.startswith("file:"):
            return False
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        return path.is_relative_to(media) and path.is_file()

    def refuse(url: str) -> None:
        if not permitted(url):
            raise ValueError(f"berdaya: not a media file of the curriculum: {url}")

    if not hasattr(weasyprint, "URLFetcher"):  # WeasyPrint before the fetcher class

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # noqa: ANN401
            refuse(url)
            return weasyprint.default_url_fetcher(url, *args, **kwargs)

        return fetch

    class MediaFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:  # noqa: ANN401
            refuse(url)
            return super().fetch(url, headers)

    return MediaFetcher()


def read_settings(config_file: Path) -> Settings:
    """Content folder, options, template overrides and Markdown extensions of mkdocs.yml.

    Raises:
        BuildError: mkdocs.yml cannot be read or has no berdaya plugin.
    """
    from generator.outputs import mkdocs_site  # noqa: PLC0415 - MkDocs loads slowly; only pdf needs it here

    config = mkdocs_site.load(config_file)
    content_dir, options = mkdocs_site.content_options(config)
    return Settings(
        content_dir,
        options,
        mkdocs_site.templates_dir(config),
        with_figures(config.markdown_extensions),
        dict(config.mdx_configs),
        bool(config.plugins["berdaya"].config.trusted_html),
        config.site_author or config.site_name or None,
    )
