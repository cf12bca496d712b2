"""The stylesheets we ship: every rule closed (a merge once cut one in half)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.resources import ASSETS

STYLESHEETS = sorted(ASSETS.rglob("*.css"))


def unclosed(css: str) -> int:
    """How many rules ``css`` leaves open; -1 when a ``}`` closes nothing."""
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    text = re.sub(r'"[^"\n]*"', '""', text)  # braces inside strings do not count
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return -1
    return depth


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_every_rule_is_closed(path: Path) -> None:
    assert unclosed(path.read_text(encoding="utf-8")) == 0


def test_a_rule_cut_in_half_is_found() -> None:
    assert unclosed(".a {\n  cursor: pointer;\n/* next } */\n.b {\n  margin: 0;\n}\n") == 1
    assert unclosed('.a { content: "}"; }\n}') == -1
