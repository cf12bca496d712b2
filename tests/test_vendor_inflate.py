"""The vendored inflate routine: pinned bytes, kept licence, the wrapped page script, its size."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "generator" / "assets" / "vendor" / "tiny_inflate"
MANIFEST = json.loads((VENDOR / "vendor.json").read_text(encoding="utf-8"))


def vendor_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "vendor_inflate", ROOT / "scripts" / "vendor_inflate.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_vendored_files_are_the_pinned_ones() -> None:
    assert MANIFEST["name"] == "tiny-inflate"
    assert MANIFEST["version"] == "1.0.3"
    assert MANIFEST["licence"] == "MIT"
    assert MANIFEST["integrity"].startswith("sha512-")
    for name, digest in MANIFEST["files"].items():
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    assert sorted(p.name for p in VENDOR.iterdir()) == ["LICENSE", "index.js", "vendor.json"]


def test_the_licence_is_kept_and_travels_inside_the_page_script() -> None:
    licence = (VENDOR / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License\n\nCopyright (c) 2015-present Devon Govett")
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
    assert page.endswith("})(window.berdayaInflate = {});\n")


def test_the_inflate_script_is_under_4_kb_gzipped() -> None:
    page = (ROOT / MANIFEST["page_script"]).read_bytes()
    assert len(gzip.compress(page, compresslevel=9)) < 4_000
