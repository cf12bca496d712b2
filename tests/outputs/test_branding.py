"""The site's branding as the single file takes it (generator/outputs/branding.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.outputs.branding import Branding, branding_of


class Theme(dict[str, Any]):
    custom_dir: str | None = None


@dataclass
class Config:
    docs_dir: str
    theme: Theme
    extra_css: list[str] = field(default_factory=list)


def test_logo_favicon_and_stylesheets_from_the_docs_and_custom_folders(tmp_path: Path) -> None:
    docs, custom = tmp_path / "modules", tmp_path / "overrides"
    (custom / "images").mkdir(parents=True)
    (custom / "images" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (docs / "img").mkdir(parents=True)
    (docs / "img" / "icon.png").write_bytes(b"\x89PNG")
    (custom / "a.css").write_text(":root { --a: 1; }", encoding="utf-8")
    (docs / "b.css").write_text(":root { --b: 2; }", encoding="utf-8")
    theme = Theme(logo="images/logo.svg", favicon="img/icon.png")
    theme.custom_dir = str(custom)
    extra = ["a.css", "assets/berdaya/berdaya-theme.css", "b.css", "missing.css"]
    found = branding_of(Config(str(docs), theme, extra))
    assert found == Branding(
        logo="data:image/svg+xml,%3Csvg/%3E",
        favicon="data:image/png;base64,iVBORw==",
        css=":root { --a: 1; }\n:root { --b: 2; }",
    )


def test_only_relative_paths_inside_the_folders(tmp_path: Path) -> None:
    docs = tmp_path / "modules"
    docs.mkdir()
    (tmp_path / "secret.svg").write_text("<svg/>", encoding="utf-8")
    for logo in ("../secret.svg", str(tmp_path / "secret.svg"), "https://example.org/l.svg"):
        assert branding_of(Config(str(docs), Theme(logo=logo))) == Branding()


def test_no_branding() -> None:
    assert branding_of(Config("modules", Theme())) == Branding()
