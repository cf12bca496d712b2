"""The vendored JavaScript libraries: pinned bytes, kept licences, wrapped page scripts, sizes."""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "generator" / "assets" / "vendor"

# library: name, version, licence's first lines, global object, gzipped size limit (bytes)
EXPECTED = {
    "lean_qr": (
        "lean-qr",
        "1.6.0",
        "MIT License\n\nCopyright (c) 2021 David Evans",
        "berdayaQr",
        10_000,
    ),
    "tiny_inflate": (
        "tiny-inflate",
        "1.0.3",
        "MIT License\n\nCopyright (c) 2015-present Devon Govett",
        "berdayaInflate",
        4_000,
    ),
}


def vendor_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vendor", ROOT / "scripts" / "vendor.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_vendored_library_is_tested() -> None:
    assert sorted(p.name for p in VENDOR.iterdir()) == sorted(EXPECTED)
    assert sorted(vendor_script().LIBRARIES) == sorted(EXPECTED)


@pytest.mark.parametrize("library", sorted(EXPECTED))
def test_the_vendored_files_are_the_pinned_ones(library: str) -> None:
    pins = vendor_script().manifest(library)
    name, version, _, _, _ = EXPECTED[library]
    assert (pins["name"], pins["version"], pins["licence"]) == (name, version, "MIT")
    assert pins["integrity"].startswith("sha512-")
    for file, digest in pins["files"].items():
        assert hashlib.sha256((VENDOR / library / file).read_bytes()).hexdigest() == digest, file
    assert sorted(p.name for p in (VENDOR / library).iterdir()) == [
        "LICENSE",
        "index.js",
        "vendor.json",
    ]


@pytest.mark.parametrize("library", sorted(EXPECTED))
def test_the_licence_is_kept_and_travels_inside_the_page_script(library: str) -> None:
    pins = vendor_script().manifest(library)
    licence = (VENDOR / library / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith(EXPECTED[library][2])
    page = (ROOT / pins["page_script"]).read_text(encoding="utf-8")
    for line in licence.strip().splitlines():
        assert f" * {line}".rstrip() in page


@pytest.mark.parametrize("library", sorted(EXPECTED))
def test_the_page_script_wraps_the_pinned_bytes_unchanged(library: str) -> None:
    script_module = vendor_script()
    pins = script_module.manifest(library)
    script = (VENDOR / library / "index.js").read_text(encoding="utf-8")
    licence = (VENDOR / library / "LICENSE").read_text(encoding="utf-8")
    page = (ROOT / pins["page_script"]).read_text(encoding="utf-8")
    assert page == script_module.wrapped(script, licence, pins)
    assert script in page
    assert page.endswith(f"}})(window.{EXPECTED[library][3]} = {{}});\n")


@pytest.mark.parametrize("library", sorted(EXPECTED))
def test_the_page_script_is_small_gzipped(library: str) -> None:
    pins = vendor_script().manifest(library)
    page = (ROOT / pins["page_script"]).read_bytes()
    assert len(gzip.compress(page, compresslevel=9)) < EXPECTED[library][4]
