"""The results code test vectors (tests/fixtures/results/), for the Python and browser tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from support.helpers import FIXTURES

RESULTS = FIXTURES / "results"
"""The vectors, and the curriculum ``kedai`` that ``tally.json`` scores against."""


def vectors(name: str) -> list[dict[str, Any]]:
    """The cases of ``tests/fixtures/results/<name>.json``."""
    return list(json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))["cases"])


def tally_spec() -> dict[str, Any]:
    """The spec (``data-tally``) the tally vectors are scored against."""
    data: dict[str, Any] = json.loads((RESULTS / "tally.json").read_text(encoding="utf-8"))
    return data["spec"]


def case_id(case: dict[str, Any]) -> str:
    """A readable test id."""
    return str(case["name"])


def kedai() -> Path:
    """The folder of the results fixture curriculum."""
    return RESULTS / "kedai"


def harness(folder: Path, body: str, *, language: str = "id", version: str = "") -> Path:
    """A page as the single file makes them: our scripts inline under the same CSP, and ``body``.

    ``body`` is trusted test HTML (the documented ``data-`` attributes); the page
    also carries the interface strings and ``<meta name="berdaya-site">``.
    """
    from generator.i18n import Language  # noqa: PLC0415 - test helpers import lazily
    from generator.outputs.single_page import (  # noqa: PLC0415
        DEVICE_SCRIPT,
        RESULTS_SCRIPTS,
        content_security_policy,
    )
    from generator.resources import ASSETS  # noqa: PLC0415
    from generator.site.quiz import script_strings  # noqa: PLC0415

    lang: Language = "en" if language == "en" else "id"
    scripts = [
        (ASSETS / name).read_text(encoding="utf-8").strip()
        for name in (DEVICE_SCRIPT, *RESULTS_SCRIPTS)
    ]
    css = (ASSETS / "berdaya-results.css").read_text(encoding="utf-8")
    csp = content_security_policy(scripts)
    meta = f'<meta name="berdaya-version" content="{version}">' if version else ""
    inline = "\n".join(f"<script>{script}</script>" for script in scripts)
    page = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="berdaya-site" content="Berdaya">{meta}
<title>Harness</title><style>body {{ margin: 0 1rem; font: 16px sans-serif; }}
{css}</style></head><body>
{script_strings(lang)}
{body}
{inline}
</body></html>
"""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "index.html"
    target.write_text(page, encoding="utf-8")
    return target
