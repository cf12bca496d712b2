"""The bundled curricula's pictures: one or more per module, small plain SVG, with alt text."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

CONTENT = Path(__file__).resolve().parents[2] / "content"
MODULES = sorted(CONTENT.glob("*/modules/*.yml"))
PICTURES = sorted(CONTENT.glob("*/media/*.svg"))
FIGURE = re.compile(r'!\[([^\]]+)\]\((media/[^ )]+\.svg) "([^"]+)"\)')
MAX_BYTES = 3072
"""Each drawing stays small: the single-file export embeds every one (budget: test_single.py)."""
SVG = "{http://www.w3.org/2000/svg}"


def test_there_are_pictures_and_modules() -> None:
    assert len(MODULES) == 33
    assert len(PICTURES) >= len(MODULES)


@pytest.mark.parametrize("module", MODULES, ids=lambda p: f"{p.parts[-3]}/{p.stem}")
def test_every_module_has_a_figure_with_alt_text_and_a_caption(module: Path) -> None:
    figures = FIGURE.findall(module.read_text(encoding="utf-8"))
    assert figures, f"{module}: no picture with a caption"
    for alt, src, caption in figures:
        assert len(alt) >= 60, f"{src}: alt text should say what the picture teaches"
        assert caption.strip(), src
        assert (module.parents[1] / src).is_file(), src


@pytest.mark.parametrize("picture", PICTURES, ids=lambda p: f"{p.parts[-3]}/{p.name}")
def test_every_picture_is_a_small_plain_svg_line_drawing(picture: Path) -> None:
    data = picture.read_bytes()
    assert len(data) <= MAX_BYTES, f"{picture.name}: {len(data)} bytes"
    root = ET.fromstring(data)  # noqa: S314 - the project's own files
    assert root.tag == f"{SVG}svg"
    assert root.get("viewBox"), "a viewBox lets the drawing scale to the screen"
    assert root.get("width") is None, "no fixed size: the page decides the width"
    assert root.get("height") is None
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"script", "image", "foreignObject", "style", "a", "use", "font", "font-face"}
    text = data.decode("utf-8")
    assert "href" not in text, "no links to other files"
    assert not re.search(r"\son[a-z]+=", text), "no event handlers"
    assert "@import" not in text
    assert "url(" not in text.replace("url(#a)", ""), "no references but the drawing's own marker"


def test_every_picture_is_used_by_its_curriculum() -> None:
    for picture in PICTURES:
        curriculum = picture.parents[1]
        texts = "".join(p.read_text(encoding="utf-8") for p in curriculum.glob("modules/*.yml"))
        assert f"media/{picture.name}" in texts, picture


def test_the_english_curriculum_has_its_own_pictures_with_english_labels() -> None:
    folder = CONTENT / "community-participation" / "media"
    english = sorted(p.name for p in folder.glob("*.svg"))
    assert english == [
        "activity-board.svg",
        "meeting-round.svg",
        "planning-flow.svg",
        "social-map.svg",
    ]
    for name in english:
        text = (folder / name).read_text(encoding="utf-8")
        labels = " ".join(re.findall(r">([^<>]+)</text>", text))
        for word in ("warga", "dusun", "papan", "kegiatan", "lansia", "notulis", "sumur"):
            assert word not in labels.lower(), (name, word)
