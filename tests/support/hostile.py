"""A curriculum with script in every text field: the XSS corpus and the fixture made from it.

Every string a curriculum or module file can hold (titles, names, terms,
objectives, key points, guide fields, prose, quiz prompts, choices, answers,
feedback, units, resources) gets the original text followed by every payload
of :data:`PAYLOADS`; ids, references, numbers and media paths stay as they are
so the content stays valid. Each payload that ran would call ``__xss(n)``.

Also :data:`BILLION_LAUGHS`, the YAML that would grow to a billion strings.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from support.helpers import FIXTURES, make_project

PAYLOADS = [
    "<script>__xss(1)</script>",
    '<img src="#" onerror="__xss(2)">',
    '"><svg onload=__xss(3)>',
    "'><svg/onload=__xss(4)>",
    "<ScRiPt>__xss(5)</sCrIpT>",
    '<a href="javascript:__xss(6)">a6</a>',
    "[a7](javascript:__xss(7))",
    '<a href="JavaScript&colon;__xss(8)">a8</a>',
    '<a href="&#106;avascript:__xss(9)">a9</a>',
    '<iframe srcdoc="<script>parent.__xss(11)</script>"></iframe>',
    "<details open ontoggle=__xss(12)>x</details>",
    "&lt;script&gt;__xss(13)&lt;/script&gt;",
    (
        "<math><mtext><table><mglyph><style><img src=# onerror=__xss(14)></style>"
        "</mglyph></table></mtext></math>"
    ),
    "</textarea></title><img src=# onerror=__xss(15)>",
    '<object data="javascript:__xss(16)"></object>',
    '<embed src="javascript:__xss(17)">',
    "![i](javascript:__xss(18))",
    '<div style="background:url(javascript:__xss(19))">d19</div>',
    "--><img src=# onerror=__xss(20)>",
    '<base href="https://evil.example/">',
    (
        '<form action="https://evil.example/">'
        '<button formaction="javascript:__xss(21)">f</button></form>'
    ),
    "<svg><animate onbegin=__xss(22) attributeName=x dur=1s></animate></svg>",
    '<input autofocus onfocus="__xss(23)">',
    '{: onclick="__xss(10)" }',
]
"""The XSS corpus: the issue's payloads, entity-encoded and mixed-case variants, classics."""
HOSTILE = " ".join(PAYLOADS)
"""What every text field gets after its own text (the attribute list last, where it applies)."""
SKIPPED_KEYS = frozenset(
    {
        "id", "type", "language", "minutes", "pass", "points", "answer", "tolerance", "correct",
        "start", "activity", "module", "objective", "shuffle", "practice", "file", "modules",
        "ref",
    }
)  # fmt: skip
"""Keys whose values are ids, references, numbers or flags: they must stay valid."""


def poison(value: Any, key: str | None = None) -> Any:
    """``value`` with :data:`HOSTILE` after every string that is text."""
    if isinstance(value, dict):
        return {k: v if k in SKIPPED_KEYS else poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key == "objectives":  # an activity's objectives are ids
            return value
        return [poison(item, key) for item in value]
    if isinstance(value, str):
        if key == "url":
            return "javascript:__xss(24)"
        return f"{value} {HOSTILE}"
    return value


def hostile_curriculum(target: Path) -> Path:
    """A copy of the mini curriculum ``contoh`` with every text field poisoned."""
    shutil.copytree(FIXTURES / "mini" / "contoh", target)
    for path in sorted(target.rglob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "curriculum.yml":
            data["resources"] = [{"title": "Sumber", "url": "x", "note": "catatan"}]
        text = yaml.safe_dump(poison(data), allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(text, encoding="utf-8")
    return target


def hostile_project(folder: Path, *, trusted: bool = False) -> Path:
    """A project whose only curriculum is poisoned (mkdocs.yml, the organisation's, is trusted)."""
    project = make_project(folder)
    hostile_curriculum(project / "content" / "racun")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if trusted:
        text = text.replace(
            "      content_dir: content\n", "      content_dir: content\n      trusted_html: true\n"
        )
    config.write_text(text, encoding="utf-8")
    return project


BILLION_LAUGHS = """\
title: Tawa
summary: Satu miliar tawa.
a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""
"""Nine levels of nine aliases: a billion "ha" if anchors were allowed (they are refused)."""
