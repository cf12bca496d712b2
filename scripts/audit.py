"""Audit the installed packages for known vulnerabilities with pip-audit, offline-tolerant.

Usage: python scripts/audit.py   (run by `make test`)

Fails (exit 1) on a known vulnerability. When the advisory data cannot be had
(no network, or a package index that gives no vulnerability data, as some
mirrors do) it says so in one warning line and passes: CI must not fail for
want of a connection, and must not pretend it audited either.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass

UNREACHABLE = (
    "ConnectionError",
    "ProxyError",
    "Max retries exceeded",
    "Failed to establish a new connection",
    "Temporary failure in name resolution",
    "timed out",
)


UNREACHED = "the advisory data cannot be reached; not audited"


@dataclass(frozen=True)
class Verdict:
    """The exit code and the lines to print."""

    code: int
    lines: list[str]


def verdict(returncode: int, stdout: str, stderr: str) -> Verdict:
    """Judge one pip-audit run (``--format json``)."""
    try:
        report = json.loads(stdout) if stdout.strip() else None
    except json.JSONDecodeError:
        report = None
    if report is None:
        if any(sign in stderr for sign in UNREACHABLE):
            return Verdict(
                0, ["warning: pip-audit: the advisory data cannot be reached; not audited"]
            )
        tail = stderr.strip().splitlines()[-1:] or [f"exit code {returncode}"]
        return Verdict(1, [f"error: pip-audit failed: {tail[0]}"])
    dependencies = report.get("dependencies", [])
    found = [
        f"error: {dep['name']} {dep['version']}: {vuln['id']}"
        + (f" (fixed in {', '.join(vuln['fix_versions'])})" if vuln.get("fix_versions") else "")
        for dep in dependencies
        for vuln in dep.get("vulns", [])
    ]
    if found:
        return Verdict(1, [*found, f"pip-audit: {len(found)} known vulnerability(ies)"])
    audited = [dep for dep in dependencies if "skip_reason" not in dep]
    skipped = len(dependencies) - len(audited)
    if dependencies and not audited:
        return Verdict(
            0, [f"warning: pip-audit: no advisory data for any of {skipped} packages; not audited"]
        )
    note = f" ({skipped} without data)" if skipped else ""
    return Verdict(0, [f"pip-audit: {len(audited)} packages, no known vulnerabilities{note}"])


def main() -> int:
    """Run pip-audit on this environment and print its verdict."""
    command = [
        sys.executable, "-m", "pip_audit", "--skip-editable", "--progress-spinner", "off",
        "--format", "json",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    judged = verdict(result.returncode, result.stdout, result.stderr)
    print("\n".join(judged.lines))
    return judged.code


if __name__ == "__main__":
    sys.exit(main())
