"""Pictures with a caption: an image alone in its paragraph, with a title, becomes a figure.

In prose, ``![Alt text](media/kompos.svg "Caption")`` on a paragraph of its own
is written as ``<figure class="berdaya-figure"><img alt src><figcaption>``: the
title becomes the caption under the picture (and is no longer a tooltip). An
image with other text in its paragraph, or without a title, stays as it is.

The extension is added to every Markdown that renders prose: the site's pages
(the plugin adds it to MkDocs' extensions), the printable pages and PDFs, and
quiz text (:mod:`generator.site.prose`); the single-file export and the
offline copies are made from the built pages, so they carry the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

NAME = "generator.site.figure"
"""The extension's name in a list of Markdown extensions."""
FIGURE_CLASS = "berdaya-figure"
_PRIORITY = 6
"""After inline images exist (20) and attribute lists are read (8), before MkDocs fixes links (0)."""


class _Figures(Treeprocessor):
    """Turns each paragraph that holds only a titled image into a figure with a caption."""

    def run(self, root: Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                image = _lone_image(child)
                if image is not None:
                    parent[index] = _figure(child, image)


def _lone_image(paragraph: Element) -> Element | None:
    """The image of a ``<p>`` that holds one titled ``<img>`` and nothing else."""
    if paragraph.tag != "p" or len(paragraph) != 1 or (paragraph.text or "").strip():
        return None
    image = paragraph[0]
    if image.tag != "img" or (image.tail or "").strip() or not image.get("title", "").strip():
        return None
    return image


def _figure(paragraph: Element, image: Element) -> Element:
    """``<figure><img><figcaption>title</figcaption></figure>`` in place of the paragraph."""
    figure = Element("figure", {"class": FIGURE_CLASS})
    figure.tail = paragraph.tail
    caption = image.attrib.pop("title").strip()
    image.tail = None
    figure.append(image)
    figcaption = Element("figcaption")
    figcaption.text = caption
    figure.append(figcaption)
    return figure


class FigureExtension(Extension):
    """The Markdown extension that writes captioned pictures as figures."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        """Register the tree processor."""
        md.treeprocessors.register(_Figures(md), "berdaya_figure", _PRIORITY)


def makeExtension(**kwargs: Any) -> FigureExtension:  # noqa: N802, ANN401 - Markdown's API
    """The extension, for ``extensions=["generator.site.figure"]``."""
    return FigureExtension(**kwargs)


def with_figures(extensions: Iterable[Any]) -> list[Any]:  # noqa: ANN401 - names or instances
    """``extensions`` with this one added once (a list of names or Extension instances)."""
    found = list(extensions)
    return found if NAME in found else [*found, NAME]
