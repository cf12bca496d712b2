"""Answers kept out of plain sight: data sealed for the quiz script (docs/assessment.md).

A quiz page must let the script check answers and, when the reveal policy
allows, show the correct ones, without the page source or the search index
showing them first. :func:`seal` turns JSON into base64 of its UTF-8 bytes,
deflated (raw deflate, after a 4-byte big-endian count of the JSON's bytes),
XORed with a keystream from the salt (xorshift32 seeded by FNV-1a of the
salt); ``unseal`` in ``generator/assets/berdaya-quiz.js`` is its inverse (it
inflates with the vendored tiny-inflate, ``berdaya-inflate.js``). Deflating
first matters: XORed bytes do not compress, so a page's sealed answers would
otherwise cost their full size in a gzipped single file.
This is obfuscation, not encryption: the key is in the page, as it must be for
a check that runs in the learner's browser. The same input gives the same
bytes (the salt is the quiz's curriculum and module), so builds stay
reproducible.
"""

from __future__ import annotations

import base64
import json
import zlib

_FNV_OFFSET = 0x811C9DC5
_FNV_PRIME = 0x01000193
_MASK = 0xFFFFFFFF
_NONZERO = 0x9E3779B9
"""Seed used when the salt hashes to 0 (xorshift never leaves 0)."""
_RAW_DEFLATE = -15
"""zlib's window bits for raw deflate: no zlib header, what tiny-inflate reads."""


def seal(data: object, salt: str) -> str:
    """``data`` as JSON, deflated, obfuscated with ``salt``, in base64."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    raw = text.encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, _RAW_DEFLATE)
    packed = len(raw).to_bytes(4, "big") + packer.compress(raw) + packer.flush()
    return base64.b64encode(_xor(packed, _key(salt, len(packed)))).decode("ascii")


def unseal(sealed: str, salt: str) -> object:
    """The data :func:`seal` sealed with ``salt`` (for tests and the single-file export)."""
    mixed = base64.b64decode(sealed)
    packed = _xor(mixed, _key(salt, len(mixed)))
    raw = zlib.decompress(packed[4:], _RAW_DEFLATE)
    if len(raw) != int.from_bytes(packed[:4], "big"):
        raise ValueError("sealed data of the wrong length")
    return json.loads(raw.decode("utf-8"))


def fnv1a(text: str) -> int:
    """The 32-bit FNV-1a hash of the UTF-8 bytes of ``text``."""
    value = _FNV_OFFSET
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * _FNV_PRIME) & _MASK
    return value


def _xor(data: bytes, key: bytes) -> bytes:
    """``data`` XOR ``key`` (as long as ``data``), byte by byte, as one big integer."""
    mixed = int.from_bytes(data, "big") ^ int.from_bytes(key, "big")
    return mixed.to_bytes(len(data), "big")


def _key(salt: str, length: int) -> bytes:
    """``length`` bytes of xorshift32 from the salt's hash: the low byte of each new state."""
    state = fnv1a(salt) or _NONZERO
    out = bytearray(length)
    for i in range(length):
        state ^= (state << 13) & _MASK
        state ^= state >> 17
        state ^= (state << 5) & _MASK
        out[i] = state & 0xFF
    return bytes(out)

