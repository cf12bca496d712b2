"""The vendored QR code generator: pinned bytes, kept licence, the wrapped page script, its size."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "generator" / "assets" / "vendor" / "lean_qr"
MANIFEST = json.loads((VENDOR / "vendor.json").read_text(encoding="utf-8"))


def vendor_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vendor_qr", ROOT / "scripts" / "vendor_qr.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_vendored_files_are_the_pinned_ones() -> None:
    assert MANIFEST["name"] == "lean-qr"
    assert MANIFEST["version"] == "1.6.0"
    assert MANIFEST["licence"] == "MIT"
    assert MANIFEST["integrity"].startswith("sha512-")
    for name, digest in MANIFEST["files"].items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert sorted(p.name for p in VENDOR.iterdir()) == ["LICENSE", "index.js", "vendor.json"]


def test_the_licence_is_kept_and_travels_inside_the_page_script() -> None:
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2021 David Evans")
    page = (ROOT / MANIFEST["page_script"]).read_text(encoding="utf-8")
    for line in licence.strip().splitlines():
        assert f" * {line}".rstrip() in page


def test_the_page_script_wraps_the_pinned_bytes_unchanged() -> None:
    script = (VENDOR / "index.js").read_text(encoding="utf-8")
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    expected = vendor_script().wrapped(script, licence, MANIFEST)
    page = (ROOT / MANIFEST["page_script"]).read_text(encoding="utf-8")
    assert page == expected
    assert script in page
    assert page.endswith("})(window.berdayaQr = {});\n")


def test_the_qr_generator_is_under_10_kb_gzipped() -> None:
    page = (ROOT / MANIFEST["page_script"]).read_bytes()
    size = len(gzip.compress(page, compresslevel=9))
    print(f"berdaya-qr.js: {len(page)} bytes, {size} gzipped")
    assert size < 10_000
