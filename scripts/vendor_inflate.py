"""Vendor the inflate routine (tiny-inflate, MIT) into generator/assets/.

Usage: python scripts/vendor_inflate.py [--fetch]

The quiz's sealed answers are deflated before they are sealed
(generator/site/seal.py), so the page needs an inflate it can call while the
quiz starts (``DecompressionStream`` only answers later). The library is kept
as published on npm, byte for byte, in ``generator/assets/vendor/tiny_inflate/``
(``index.js`` with its ``LICENSE``), pinned by version and SHA-256 in
``vendor.json`` there. The page script ``generator/assets/berdaya-inflate.js`` is
that file wrapped for a plain ``<script>``: the licence as a comment, and a
function that gives the CommonJS ``module`` it writes to
(``window.berdayaInflate.exports``). ``tests/test_vendor_inflate.py`` checks the
pins and that the wrapped file is this wrapping of those bytes.

``--fetch`` downloads the pinned version again with ``npm pack`` (the npm
registry), checks the tarball against the pinned integrity and the files
against their SHA-256, and copies them in. Without it, only
``berdaya-inflate.js`` is written from the vendored files.
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

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "generator" / "assets"
VENDOR = ASSETS / "vendor" / "tiny_inflate"
MANIFEST = VENDOR / "vendor.json"
WRAPPED = ASSETS / "berdaya-inflate.js"


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def wrapped(script: str, licence: str, manifest: dict[str, object]) -> str:
    """The page script: the licence as a comment, the library in a function giving ``module``."""
    comment = "\n".join(f" * {line}".rstrip() for line in licence.strip().splitlines())
    return (
        f"/* {manifest['name']} {manifest['version']} (npm package, index.js), vendored "
        "unchanged by scripts/vendor_inflate.py;\n"
        " * inflate(source, dest) is window.berdayaInflate.exports. Its licence:\n *\n"
        f"{comment}\n */\n"
        "(function (module) {\n"
        f"{script}"
        "})(window.berdayaInflate = {});\n"
    )


def fetch(manifest: dict[str, object]) -> None:
    """Download the pinned package with ``npm pack`` and copy its files in, after checking them."""
    spec = f"{manifest['name']}@{manifest['version']}"
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["npm", "pack", spec, "--silent"], cwd=folder, check=True)
        tarball = next(Path(folder).glob("*.tgz"))
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if f"sha512-{digest}" != manifest["integrity"]:
            sys.exit(f"{tarball.name}: integrity differs from {MANIFEST}")
        files = manifest["files"]
        if not isinstance(files, dict):
            sys.exit(f"{MANIFEST}: 'files' is not a mapping")
        with tarfile.open(tarball) as archive:
            for name in ("index.js", "LICENSE"):
                member = archive.extractfile(f"package/{name}")
                if member is None:
                    sys.exit(f"{tarball.name}: no file package/{name}")
                data = member.read()
                if sha256(data) != files[name]:
                    sys.exit(f"package/{name}: SHA-256 differs from {MANIFEST}")
                (VENDOR / name).write_bytes(data)


def main() -> None:
    """Write berdaya-inflate.js (after fetching, with --fetch)."""
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    if "--fetch" in sys.argv[1:]:
        fetch(manifest)
    script = (VENDOR / "index.js").read_text(encoding="utf-8")
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    WRAPPED.write_text(wrapped(script, licence, manifest), encoding="utf-8")
    print(f"wrote {WRAPPED.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
