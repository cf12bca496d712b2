"""Vendor a small JavaScript library from npm into generator/assets/.

Usage: python scripts/vendor.py [--fetch] [LIBRARY...]   (default: every library)

Each library lives, as published on npm and byte for byte, in
``generator/assets/vendor/<library>/``: ``index.js`` (the package file named by
``entry`` in ``vendor.json``) and its ``LICENSE``, pinned by version, npm
integrity and SHA-256 in ``vendor.json``. Two are vendored:

- ``lean_qr``: lean-qr, the QR codes of "Kirim hasil" (``berdaya-qr.js``);
- ``tiny_inflate``: tiny-inflate, which inflates the quiz's deflated sealed
  answers while the quiz starts (``berdaya-inflate.js``; see
  ``generator/site/seal.py``).

The page script (``page_script`` in ``vendor.json``) is that file wrapped for a
plain ``<script>``: the licence as a comment, and a function that gives the
CommonJS ``exports`` or ``module`` it writes to (``wrapper`` in
``vendor.json``). ``tests/test_vendor.py`` checks the pins and that each page
script is this wrapping of those bytes.

``--fetch`` downloads the pinned version again with ``npm pack`` (the npm
registry), checks the tarball against the pinned integrity and the files
against their SHA-256, and copies them in. Without it, only the page scripts are
written from the vendored files.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "generator" / "assets" / "vendor"
LIBRARIES = ("lean_qr", "tiny_inflate")


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def manifest(library: str) -> dict[str, Any]:
    """The library's ``vendor.json``."""
    data: dict[str, Any] = json.loads((VENDOR / library / "vendor.json").read_text("utf-8"))
    return data


def wrapped(script: str, licence: str, pins: dict[str, Any]) -> str:
    """The page script: the licence as a comment, the library in a function giving its object."""
    comment = "\n".join(f" * {line}".rstrip() for line in licence.strip().splitlines())
    wrapper = pins["wrapper"]
    return (
        f"/* {pins['name']} {pins['version']} (npm package, {pins['entry']}), vendored "
        "unchanged by scripts/vendor.py;\n"
        f" * {wrapper['note']}. Its licence:\n *\n"
        f"{comment}\n */\n"
        f"(function ({wrapper['parameter']}) {{\n"
        f"{script}"
        f"}})({wrapper['global']} = {{}});\n"
    )


def fetch(library: str, pins: dict[str, Any]) -> None:
    """Download the pinned package with ``npm pack`` and copy its files in, after checking them."""
    spec = f"{pins['name']}@{pins['version']}"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True)
        tarball = next(Path(folder).glob("*.tgz"))
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if f"sha512-{digest}" != pins["integrity"]:
            sys.exit(f"{tarball.name}: integrity differs from {library}/vendor.json")
        with tarfile.open(tarball) as archive:
            for name, entry in (("index.js", pins["entry"]), ("LICENSE", "LICENSE")):
                member = archive.extractfile(f"package/{entry}")
                if member is None:
                    sys.exit(f"{tarball.name}: no file package/{entry}")
                data = member.read()
                if sha256(data) != pins["files"][name]:
                    sys.exit(f"package/{entry}: SHA-256 differs from {library}/vendor.json")
                (VENDOR / library / name).write_bytes(data)


def write_page_script(library: str, pins: dict[str, Any]) -> Path:
    """Write the library's page script from its vendored files; its path."""
    script = (VENDOR / library / "index.js").read_text(encoding="utf-8")
    licence = (VENDOR / library / "LICENSE").read_text(encoding="utf-8")
    target = ROOT / pins["page_script"]
    target.write_text(wrapped(script, licence, pins), encoding="utf-8")
    return target


def main(argv: list[str]) -> None:
    """Write the page scripts (after fetching, with --fetch)."""
    names = [a for a in argv if a != "--fetch"] or list(LIBRARIES)
    for library in names:
        if library not in LIBRARIES:
            sys.exit(f"unknown library {library!r}; known: {', '.join(LIBRARIES)}")
        pins = manifest(library)
        if "--fetch" in argv:
            fetch(library, pins)
        print(f"wrote {write_page_script(library, pins).relative_to(ROOT)}")


if __name__ == "__main__":
    main(sys.argv[1:])
