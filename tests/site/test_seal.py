"""Sealed quiz data is deflated before it is obfuscated, so a page's answers stay small."""

from __future__ import annotations

import base64
import json
import zlib

import pytest

from generator.site.seal import seal, unseal

STEP = "<p>Harga jual = HPP + margin. Langkah {}: hitung biaya bahan.</p>"
KEYS = {"keys": [STEP.format(i) for i in range(40)]}


def test_the_sealed_bytes_are_deflated_json_after_its_length() -> None:
    sealed = seal(KEYS, "contoh/harga")
    text = json.dumps(KEYS, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert len(base64.b64decode(sealed)) < len(text.encode("utf-8")) / 5
    assert unseal(sealed, "contoh/harga") == KEYS


def test_the_sealed_form_is_the_documented_one() -> None:
    """4-byte big-endian length, raw deflate, XOR with the salt's keystream, base64."""
    data = {"a": "Harga pokok"}
    mixed = base64.b64decode(seal(data, "contoh/harga"))
    zero = base64.b64decode(seal({}, "contoh/harga"))
    raw = b'{"a":"Harga pokok"}'
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = len(raw).to_bytes(4, "big") + packer.compress(raw) + packer.flush()
    assert len(mixed) == len(packed)
    # The keystream depends only on the salt: XOR of two sealings is XOR of their plain forms.
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    empty = (2).to_bytes(4, "big") + packer.compress(b"{}") + packer.flush()
    common = min(len(zero), len(mixed))
    assert bytes(a ^ b for a, b in zip(mixed[:common], zero[:common], strict=True)) == bytes(
        a ^ b for a, b in zip(packed[:common], empty[:common], strict=True)
    )


def test_a_length_that_does_not_match_is_refused() -> None:
    mixed = bytearray(base64.b64decode(seal({"a": 1}, "x")))
    mixed[3] ^= 1
    with pytest.raises(ValueError, match="wrong length"):
        unseal(base64.b64encode(bytes(mixed)).decode("ascii"), "x")
