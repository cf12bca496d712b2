"""``scripts/audit.py``: pip-audit's verdict, failing on a known vulnerability, tolerant offline."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("audit", ROOT / "scripts" / "audit.py")
assert SPEC is not None
assert SPEC.loader is not None
audit = importlib.util.module_from_spec(SPEC)
sys.modules["audit"] = audit  # dataclasses look their module up
SPEC.loader.exec_module(audit)


def test_a_known_vulnerability_fails() -> None:
    report = {
        "dependencies": [
            {"name": "jinja2", "version": "2.10", "vulns": [
                {"id": "PYSEC-2019-217", "fix_versions": ["2.10.1"], "aliases": []}
            ]},
            {"name": "pyyaml", "version": "6.0.2", "vulns": []},
        ],
        "fixes": [],
    }  # fmt: skip
    judged = audit.verdict(1, json.dumps(report), "")
    assert judged.code == 1
    assert judged.lines == [
        "error: jinja2 2.10: PYSEC-2019-217 (fixed in 2.10.1)",
        "pip-audit: 1 known vulnerability(ies)",
    ]


def test_no_vulnerability_passes_and_says_how_many_were_audited() -> None:
    report = {"dependencies": [
        {"name": "a", "version": "1", "vulns": []},
        {"name": "b", "skip_reason": "Dependency not found on PyPI and could not be audited"},
    ], "fixes": []}  # fmt: skip
    judged = audit.verdict(0, json.dumps(report), "")
    assert judged == audit.Verdict(
        0, ["pip-audit: 1 packages, no known vulnerabilities (1 without data)"]
    )


def test_an_index_without_advisory_data_warns_and_passes() -> None:
    report = {"dependencies": [{"name": "a", "skip_reason": "not found"}], "fixes": []}
    judged = audit.verdict(0, json.dumps(report), "")
    assert judged.code == 0
    assert judged.lines[0].startswith("warning: pip-audit: no advisory data for any of 1 packages")


def test_an_unreachable_advisory_database_warns_and_passes(tmp_path: Path) -> None:
    """A real pip-audit run whose every connection is refused (a proxy on a closed port)."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("jinja2==2.10\n", encoding="utf-8")
    environment = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": ""}
    command = [
        sys.executable, "-m", "pip_audit", "-r", str(requirements), "--no-deps",
        "--disable-pip", "--format", "json", "--progress-spinner", "off",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    judged = audit.verdict(result.returncode, result.stdout, result.stderr)
    assert judged == audit.Verdict(
        0, ["warning: pip-audit: the advisory data cannot be reached; not audited"]
    )


def test_any_other_failure_fails() -> None:
    judged = audit.verdict(2, "", "usage: pip-audit [-h]\npip-audit: error: bad option\n")
    assert judged == audit.Verdict(1, ["error: pip-audit failed: pip-audit: error: bad option"])
