"""Question text between Berdaya's Markdown and the HTML of a learning management system.

Out: Markdown is rendered as the site renders quiz text (:mod:`generator.site.prose`:
raw HTML escaped, unsafe addresses dropped) and then passed through the site's
sanitiser (:func:`generator.site.sanitize.clean`). In: HTML is turned back into
Markdown (:func:`from_html`) for the elements Markdown has (paragraphs, line
breaks, emphasis, code, links, images, lists, headings, quotes); any other
element keeps its text and is named in the result's ``dropped`` list, for a
warning. Text is escaped so that it renders as the same text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from generator.site.prose import inline, plain, prose
from generator.site.sanitize import clean

_INLINE_ESCAPE = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(\s*)([#>+-]|\d+[.)])(?=\s|$)", re.MULTILINE)
_BLOCK_TAGS = frozenset(
    {"p", "div", "ul", "ol", "li", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6"}
)
_TRANSPARENT = frozenset(
    {"span", "font", "u", "small", "big", "sub", "sup", "mark", "abbr", "body", "html", "div"}
)
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "col", "wbr", "source"})
_EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}


def to_html(text: str) -> str:
    """Prose Markdown as sanitised HTML blocks, as the site's quiz shows it."""
    return clean(prose(text))


def to_inline_html(text: str) -> str:
    """A choice or item: sanitised HTML without the ``<p>`` of a single paragraph."""
    return clean(inline(text))


def to_plain(text: str) -> str:
    """Markdown as plain text, for places that take no markup (Moodle's matching answers)."""
    return unescape(plain(text))


def escape_markdown(text: str) -> str:
    """Plain text as Markdown that renders as the same text."""
    escaped = _INLINE_ESCAPE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}{_escape_marker(m.group(2))}", escaped)


def _escape_marker(marker: str) -> str:
    return f"{marker[:-1]}\\{marker[-1]}" if marker[-1] in ".)" else f"\\{marker}"


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree of an HTML fragment (unclosed and stray end tags tolerated)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass
class Converted:
    """Markdown made from HTML, and the elements that had no Markdown form."""

    markdown: str
    dropped: list[str]


def from_html(html: str) -> Converted:
    """HTML (of a question text, a choice, feedback) as Markdown."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    dropped: list[str] = []
    text = _blocks(builder.root.children, dropped)
    return Converted(text, sorted(set(dropped)))


def _blocks(children: list[_Node | str], dropped: list[str]) -> str:
    """Block content: paragraphs separated by blank lines."""
    parts: list[str] = []
    run: list[_Node | str] = []

    def flush() -> None:
        text = _inline(run, dropped).strip()
        if text:
            parts.append(text)
        run.clear()

    for child in children:
        if isinstance(child, _Node) and child.tag in _BLOCK_TAGS | {"hr", "table"}:
            flush()
            block = _block(child, dropped)
            if block:
                parts.append(block)
        else:
            run.append(child)
    flush()
    return "\n\n".join(parts)


def _block(node: _Node, dropped: list[str]) -> str:  # noqa: PLR0911 - one branch per element
    tag = node.tag
    if tag == "p":
        return _inline(node.children, dropped).strip()
    if tag == "div":
        return _blocks(node.children, dropped)
    if tag in {"ul", "ol"}:
        return _list(node, dropped)
    if tag == "pre":
        code = _text(node)
        fence = "```" if "```" not in code else "~~~~"
        return f"{fence}\n{code.rstrip(chr(10))}\n{fence}"
    if tag == "blockquote":
        inner = _blocks(node.children, dropped)
        return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))
    if tag.startswith("h") and len(tag) == 2:
        return f"{'#' * int(tag[1])} {_inline(node.children, dropped).strip()}"
    if tag == "li":  # a stray item
        return _inline(node.children, dropped).strip()
    dropped.append(tag)
    return escape_markdown(" ".join(_text(node).split()))


def _list(node: _Node, dropped: list[str]) -> str:
    lines: list[str] = []
    number = int(node.attrs.get("start", "1") or 1) if node.tag == "ol" else 0
    for child in node.children:
        if not isinstance(child, _Node) or child.tag != "li":
            continue
        marker = f"{number}." if node.tag == "ol" else "-"
        number += 1
        body = _blocks(child.children, dropped)
        pad = " " * (len(marker) + 1)
        item = body.replace("\n", "\n" + pad).replace("\n" + pad + "\n", "\n\n")
        lines.append(f"{marker} {item}")
    return "\n".join(lines)


def _inline(children: list[_Node | str], dropped: list[str]) -> str:
    out: list[str] = []
    for child in children:
        if isinstance(child, str):
            out.append(escape_markdown(child))
            continue
        tag = child.tag
        if tag == "br":
            out.append("  \n")
        elif tag in _EMPHASIS:
            inner = _inline(child.children, dropped)
            mark = _EMPHASIS[tag]
            out.append(f"{mark}{inner}{mark}" if inner.strip() else inner)
        elif tag == "code":
            out.append(_code(_text(child)))
        elif tag == "a":
            label = _inline(child.children, dropped)
            href = child.attrs.get("href", "")
            out.append(f"[{label}]({_address(href)})" if href else label)
        elif tag == "img":
            alt = escape_markdown(child.attrs.get("alt", ""))
            out.append(f"![{alt}]({_address(child.attrs.get('src', ''))})")
        elif tag in _TRANSPARENT:
            out.append(_inline(child.children, dropped))
        elif tag in _BLOCK_TAGS:
            out.append(_block(child, dropped))
        else:
            dropped.append(tag)
            out.append(_inline(child.children, dropped))
    return "".join(out)


def _code(text: str) -> str:
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _address(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()]", url) else url


def _text(node: _Node) -> str:
    return "".join(c if isinstance(c, str) else _text(c) for c in node.children)
