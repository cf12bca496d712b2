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
