"""Install the SCORM 1.2 runtime the browser tests play packages in (scorm-again, MIT).

Usage: python scripts/scorm_runtime.py

scorm-again is an LMS-side SCORM runtime; the tests give its ``Scorm12API`` to a
host page as ``window.API`` and load a package's launch page in a frame
(``tests/browser/test_scorm_browser.py``). It is a test tool, never part of
Berdaya's output, so it is not vendored into the repository: this script
downloads the version pinned in ``tests/support/scorm_again.json`` with
``npm pack`` (the npm registry), checks the tarball against the pinned
integrity and each file used against its SHA-256, and copies those files, the
licence among them, into ``node_modules/scorm-again/`` (ignored by git). When
the files are there and match, it does nothing. ``make pytest`` runs it, as it
installs Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "tests" / "support" / "scorm_again.json"
TARGET = ROOT / "node_modules" / "scorm-again"


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def pins() -> dict[str, object]:
    """The pinned name, version, integrity and files."""
    data: dict[str, object] = json.loads(PINS.read_text(encoding="utf-8"))
    return data


def installed(manifest: dict[str, object]) -> bool:
    """Whether every pinned file is in node_modules with its pinned SHA-256."""
    files = manifest["files"]
    assert isinstance(files, dict)  # noqa: S101 - our own pins file
    return all(
        (TARGET / name).is_file() and sha256((TARGET / name).read_bytes()) == digest
        for name, digest in files.items()
    )


def install(manifest: dict[str, object]) -> None:
    """Download the pinned package with ``npm pack``, check it, copy the pinned files in."""
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to download scorm-again from the npm registry")
    spec = f"{manifest['name']}@{manifest['version']}"
    files = manifest["files"]
    assert isinstance(files, dict)  # noqa: S101 - our own pins file
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [npm, "pack", spec, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL
        )
        tarball = next(Path(folder).glob("*.tgz"))
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if f"sha512-{digest}" != manifest["integrity"]:
            sys.exit(f"{tarball.name}: integrity differs from {PINS}")
        with tarfile.open(tarball) as archive:
            for name, pinned in files.items():
                member = archive.extractfile(f"package/{name}")
                if member is None:
                    sys.exit(f"{tarball.name}: no file package/{name}")
                data = member.read()
                if sha256(data) != pinned:
                    sys.exit(f"package/{name}: SHA-256 differs from {PINS}")
                (TARGET / name).parent.mkdir(parents=True, exist_ok=True)
                (TARGET / name).write_bytes(data)


def main() -> None:
    """Install the pinned runtime unless it is there already."""
    manifest = pins()
    if not installed(manifest):
        install(manifest)
        print(f"installed {manifest['name']} {manifest['version']} into {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
