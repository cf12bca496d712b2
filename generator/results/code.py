"""The results code: a learner's results as one short line of QR alphanumeric text.

``BDY1/SITI-AMINAH/`` then, without separators: the curriculum (3 symbols),
its variant (2), the date (3), the modules' best scores, the pre- and
post-test answers, and a check (3). The full specification, with the reasons
behind it, is in docs/assessment.md ("The results code");
``generator/assets/berdaya-results.js`` implements the same, and both are
tested on the vectors in ``tests/fixtures/results/``.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$+-./"
"""The 41 symbols of a code: QR alphanumeric without space, ``%``, ``*`` and ``:``."""
BASE = len(ALPHABET)
VALUE = {symbol: value for value, symbol in enumerate(ALPHABET)}
PREFIX = "BDY"
FORMAT = "1"
HEAD = f"{PREFIX}{FORMAT}/"
"""How every code of this format starts."""
DIGITS = 20
"""Numbers are written in base 20: symbols 0-9A-J end a number, K-Z$+-. carry on."""
MAX_DIGITS = 4
MAX_NAME = 24
MAX_COUNT = 100
"""At most this many modules, and questions in a test."""
MAX_CHOICE = 15
"""The last choice index a test answer may name (16 choices)."""
EPOCH = dt.date(2020, 1, 1)
ID_PRIME = 68917
"""The largest prime below 41**3: curriculum hash and check."""
VARIANT_PRIME = 1669
"""The largest prime below 41**2: variant hash."""
SPECIAL_LETTERS = {
    "ß": "SS",
    "ẞ": "SS",
    "Æ": "AE",
    "æ": "AE",
    "Œ": "OE",
    "œ": "OE",
    "Ø": "O",
    "ø": "O",
    "Đ": "D",
    "đ": "D",
    "Ð": "D",
    "ð": "D",
    "Ł": "L",
    "ł": "L",
    "\u0131": "I",  # dotless i
    "Þ": "TH",
    "þ": "TH",
    "Ŋ": "NG",
    "ŋ": "NG",
}
"""Latin letters that Unicode does not decompose into a base letter and a mark."""
DROPPED = frozenset("'`\u00b4\u02bc\u2018\u2019")
"""Apostrophes vanish from names (``Ma'ruf`` -> ``MARUF``); other punctuation separates words."""

Answer = bool | int | tuple[int, ...] | None
"""A test answer: ``None`` not answered, ``True``/``False``, a choice index, chosen indices."""


class CodeError(ValueError):
    """Text that starts like a code but is not a whole, correct one."""

    def __init__(self, reason: str, name: str | None = None) -> None:
        """Keep the reason (``format``, ``incomplete``, ``malformed``, ``checksum``)."""
        super().__init__(reason)
        self.reason = reason
        self.name = name


@dataclass(frozen=True)
class Results:
    """What a code carries."""

    name: str
    """The name as written in the code: ``SITI-AMINAH``."""
    curriculum: str
    """The curriculum's hash (3 symbols, :func:`curriculum_hash`)."""
    variant: str
    """The hash of its version, modules and test lengths (2 symbols, :func:`variant_hash`)."""
    date: dt.date
    modules: tuple[int | None, ...]
    """Each module's best quiz score (0-100), ``None`` when not attempted."""
    pre: tuple[Answer, ...] | None
    """The pre-test answers, ``None`` when the test was not taken."""
    post: tuple[Answer, ...] | None

    @property
    def display_name(self) -> str:
        """The name as the tally shows it: ``SITI AMINAH``."""
        return self.name.replace("-", " ")

    def as_json(self) -> dict[str, Any]:
        """JSON-ready, as the test vectors write it."""
        return {
            "name": self.name,
            "curriculum": self.curriculum,
            "variant": self.variant,
            "date": self.date.isoformat(),
            "modules": list(self.modules),
            "pre": _answers_json(self.pre),
            "post": _answers_json(self.post),
        }


def _answers_json(answers: tuple[Answer, ...] | None) -> list[Any] | None:
    if answers is None:
        return None
    return [list(a) if isinstance(a, tuple) else a for a in answers]


def code_name(name: str) -> str:
    """A learner's name in code symbols: ``Siti Aminah`` -> ``SITI-AMINAH``.

    Letters lose their accents (NFKD, marks U+0300-U+036F dropped, a few letters
    spelled out), apostrophes vanish, every other run of characters that are not
    A-Z or 0-9 becomes one ``-``; at most 24 symbols. Empty when nothing is left.
    """
    letters = []
    for char in unicodedata.normalize("NFKD", name):
        spelled = SPECIAL_LETTERS.get(char, char)
        if spelled in DROPPED or "\u0300" <= spelled <= "\u036f":
            continue
        for part in spelled:
            upper = part.upper() if "a" <= part <= "z" else part
            letters.append(upper if upper.isascii() and upper.isalnum() else "-")
    words = [word for word in "".join(letters).split("-") if word]
    return "-".join(words)[:MAX_NAME].strip("-")


def text_hash(text: str, prime: int) -> int:
    """``text``'s UTF-8 bytes as a base-256 number, modulo ``prime``."""
    value = 0
    for byte in text.encode("utf-8"):
        value = (value * 256 + byte) % prime
    return value


def curriculum_hash(curriculum_id: str) -> str:
    """The 3 symbols that name a curriculum in its codes."""
    return fixed(text_hash(curriculum_id, ID_PRIME), 3)


def variant_hash(version: str, modules: Sequence[str], pre: int, post: int) -> str:
    """The 2 symbols of a curriculum's edition: version, module ids, number of test questions.

    Two files of one curriculum whose codes would not read the same way have
    different variants (barring a 1 in 1669 chance).
    """
    text = f"{version}\n{','.join(modules)}\n{pre},{post}"
    return fixed(text_hash(text, VARIANT_PRIME), 2)


def fixed(value: int, width: int) -> str:
    """``value`` as ``width`` base-41 symbols, most significant first."""
    symbols = []
    for _ in range(width):
        value, digit = divmod(value, BASE)
        symbols.append(ALPHABET[digit])
    return "".join(reversed(symbols))


def number(value: int) -> str:
    """A whole number >= 0 in base 20: every digit but the last is written 20 symbols up.

    Raises:
        ValueError: the number needs more than 4 symbols (160000 or more).
    """
    digits = []
    while True:
        value, digit = divmod(value, DIGITS)
        digits.append(digit)
        if value == 0:
            break
    if len(digits) > MAX_DIGITS:
        raise ValueError("number too large for a results code")
    digits.reverse()
    return "".join(ALPHABET[d + DIGITS] for d in digits[:-1]) + ALPHABET[digits[-1]]


def answer_symbols(answer: Answer) -> str:
    """A test answer in one symbol, or (rarely) ``/`` and a number.

    Symbol values: 0 not answered, 1 false, 2 true, 3-10 choice 0-7, 11-39 the chosen
    set with bitmask 1-29 (bit i: choice i; every set of 4 choices, nearly all of 5).
    Anything else is ``/`` and :func:`answer_number` in base 20.
    """
    if answer is None or isinstance(answer, bool):
        return ALPHABET[answer_number(answer)]
    if isinstance(answer, int):
        if answer < SINGLE_SYMBOLS:
            return ALPHABET[3 + answer]
    elif 1 <= (mask := _mask(answer)) <= MASK_SYMBOLS:
        return ALPHABET[10 + mask]
    return ESCAPE + number(answer_number(answer))


SINGLE_SYMBOLS = 8
"""Choices 0-7 of a ``single`` answer have a symbol of their own."""
MASK_SYMBOLS = 29
"""Sets with a bitmask of 1-29 have a symbol of their own."""
ESCAPE = "/"


def _mask(chosen: tuple[int, ...]) -> int:
    return sum(1 << index for index in set(chosen))


def answer_number(answer: Answer) -> int:
    """0 not answered, 1 false, 2 true, 3 + 2i choice i, 4 + 2m chosen set with bitmask m."""
    if answer is None:
        return 0
    if isinstance(answer, bool):
        return 2 if answer else 1
    if isinstance(answer, int):
        return 3 + 2 * answer
    return 4 + 2 * _mask(answer)


def answer_of(value: int) -> Answer:
    """The answer that :func:`answer_number` writes as ``value``."""
    if value < 3:
        return (None, False, True)[value]
    if value % 2:
        return (value - 3) // 2
    mask = (value - 4) // 2
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


def encode(results: Results) -> str:
    """The code of ``results``.

    Raises:
        ValueError: the name is empty or invalid, or a count or value is out of range.
    """
    if not results.name or code_name(results.name) != results.name:
        raise ValueError(f"not a code name: {results.name!r}")
    days = max(0, (results.date - EPOCH).days)
    parts = [HEAD, results.name, "/", results.curriculum, results.variant, fixed(days, 3)]
    parts.append(_count(len(results.modules)))
    parts += [number(0 if score is None else score + 1) for score in results.modules]
    for answers in (results.pre, results.post):
        parts.append(_count(len(answers or ())))
        parts += [answer_symbols(answer) for answer in answers or ()]
    body = "".join(parts)
    return body + fixed(check(body), 3)


def _count(count: int) -> str:
    if count > MAX_COUNT:
        raise ValueError(f"more than {MAX_COUNT} items in a results code")
    return number(count)


def check(symbols: str) -> int:
    """The check of a code's symbols: them as a base-41 number, modulo 68917."""
    value = 0
    for symbol in symbols:
        value = (value * BASE + VALUE[symbol]) % ID_PRIME
    return value


def decode(text: str) -> Results:
    """The results of one code, exactly (upper case, no spaces, nothing around it).

    Raises:
        CodeError: why it is not a correct code.
    """
    stream = SymbolStream(text, 0, skip_space=False)
    results = parse(stream)
    if stream.end != len(text):
        raise CodeError("malformed", results.name)
    return results


SPACES = frozenset(
    "\t\n\v\f\r \u00a0\u00ad\u1680\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
    + "".join(chr(c) for c in range(0x2000, 0x200E))
)
"""What a code may be broken by when text is wrapped: skipped when joining a code's lines."""


class SymbolStream:
    """The symbols of a code in a text, one by one, from ``start``.

    It stops at the first character that is not a symbol; with ``skip_space``
    it reads on past spaces and line breaks (a code wrapped over lines).
    """

    def __init__(self, text: str, start: int, *, skip_space: bool) -> None:
        """Read ``text`` (already upper case) from ``start``."""
        self.text = text
        self.end = start
        self.skip_space = skip_space
        self.symbols: list[str] = []
        self.stopped_at_space = False

    def take(self) -> str:
        """The next symbol.

        Raises:
            CodeError: ``incomplete``: the text ends or something else comes first.
        """
        at = self.end
        while self.skip_space and at < len(self.text) and self.text[at] in SPACES:
            at += 1
        if at < len(self.text) and self.text[at] in VALUE:
            self.end = at + 1
            self.symbols.append(self.text[at])
            return self.text[at]
        self.stopped_at_space = at < len(self.text) and self.text[at] in SPACES
        raise CodeError("incomplete")

    def read(self) -> str:
        """The symbols read so far."""
        return "".join(self.symbols)


def parse(stream: SymbolStream) -> Results:
    """Read one code from ``stream``, which stands at its first symbol.

    Raises:
        CodeError: why it is not a correct code (with the name, once it is read).
    """
    for expected in PREFIX:
        if stream.take() != expected:
            raise CodeError("malformed")
    if stream.take() != FORMAT:
        raise CodeError("format")
    if stream.take() != "/":
        raise CodeError("malformed")
    name = _read_name(stream)
    try:
        results = _read_body(stream, name)
        _read_check(stream)
    except CodeError as exc:
        exc.name = name
        raise
    return results


def _read_check(stream: SymbolStream) -> None:
    expected = fixed(check(stream.read()), 3)
    if "".join(stream.take() for _ in range(3)) != expected:
        raise CodeError("checksum")


def _read_name(stream: SymbolStream) -> str:
    symbols = []
    while (symbol := stream.take()) != "/":
        symbols.append(symbol)
        if len(symbols) > MAX_NAME:
            raise CodeError("malformed")
    name = "".join(symbols)
    if not name or code_name(name) != name:
        raise CodeError("malformed")
    return name


def _read_body(stream: SymbolStream, name: str) -> Results:
    curriculum = "".join(stream.take() for _ in range(3))
    variant = "".join(stream.take() for _ in range(2))
    days = _read_fixed(stream, 3)
    modules = tuple(None if v == 0 else v - 1 for v in _read_list(stream))
    if any(score is not None and score > 100 for score in modules):
        raise CodeError("malformed")
    pre, post = (_read_answers(stream) for _ in range(2))
    return Results(name, curriculum, variant, EPOCH + dt.timedelta(days=days), modules, pre, post)


def _read_fixed(stream: SymbolStream, width: int) -> int:
    value = 0
    for _ in range(width):
        value = value * BASE + VALUE[stream.take()]
    return value


def _read_number(stream: SymbolStream) -> int:
    value = 0
    for count in range(1, MAX_DIGITS + 1):
        digit = VALUE[stream.take()]
        if digit == BASE - 1 or (count == 1 and digit == DIGITS):  # "/" or a leading zero
            raise CodeError("malformed")
        if digit < DIGITS:
            return value * DIGITS + digit
        value = value * DIGITS + digit - DIGITS
    raise CodeError("malformed")


def _read_list(stream: SymbolStream) -> Iterator[int]:
    count = _read_number(stream)
    if count > MAX_COUNT:
        raise CodeError("malformed")
    return iter([_read_number(stream) for _ in range(count)])


def _read_answers(stream: SymbolStream) -> tuple[Answer, ...] | None:
    count = _read_number(stream)
    if count > MAX_COUNT:
        raise CodeError("malformed")
    return tuple(_read_answer(stream) for _ in range(count)) or None


def _read_answer(stream: SymbolStream) -> Answer:
    symbol = stream.take()
    value = VALUE[symbol]
    if symbol != ESCAPE:
        if value < 3:
            return (None, False, True)[value]
        if value < 3 + SINGLE_SYMBOLS:
            return value - 3
        return tuple(i for i in range(5) if (value - 10) >> i & 1)
    answer = answer_of(_read_number(stream))
    chosen = answer if isinstance(answer, tuple) else (answer,)
    if answer_symbols(answer) != ESCAPE + number(answer_number(answer)) or any(
        type(c) is int and c > MAX_CHOICE for c in chosen
    ):
        raise CodeError("malformed")  # an answer with a symbol of its own, or beyond choice 15
    return answer


def from_storage(
    send: Mapping[str, Any],
    learner: str,
    progress: Any,  # noqa: ANN401 - JSON from the device, checked here
    tests: Any,  # noqa: ANN401 - same
    today: dt.date,
) -> Results:
    """The results the "Kirim hasil" widget puts into a code, from what the device stored.

    Args:
        send: the widget's ``data-send`` (curriculum, version, modules, tests).
        learner: the name as typed (``berdaya:learner``).
        progress: ``berdaya:progress:<scope>`` (JSON), or None.
        tests: ``berdaya:tests:<scope>`` (JSON), or None.
        today: the device's date (before 2020: 2020-01-01).

    Raises:
        ValueError: the name has no letter or digit that a code can carry.
    """
    name = code_name(learner)
    if not name:
        raise ValueError("no name")
    modules = [str(m) for m in send["modules"]]
    counts = send.get("tests") or {}
    pre, post = int(counts.get("pre", 0)), int(counts.get("post", 0))
    return Results(
        name,
        curriculum_hash(str(send["curriculum"])),
        variant_hash(str(send.get("version") or ""), modules, pre, post),
        max(today, EPOCH),  # a phone whose clock was never set says 2000
        tuple(_stored_score(progress, module) for module in modules),
        _stored_answers(tests, "pre", pre),
        _stored_answers(tests, "post", post),
    )


def _whole(value: object, low: int, high: int) -> int | None:
    """A JSON number that is a whole number in ``low``..``high`` (``1.0`` is 1, as in JS)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or value != math.floor(value) or not low <= value <= high:
        return None
    return int(value)


def _stored_score(progress: object, module: str) -> int | None:
    entry = progress.get(module) if isinstance(progress, dict) else None
    best = entry.get("best") if isinstance(entry, dict) else None
    if isinstance(best, bool) or not isinstance(best, (int, float)) or not math.isfinite(best):
        return None
    return None if best < 0 else min(100, math.floor(best + 0.5))


def _stored_answers(tests: object, kind: str, count: int) -> tuple[Answer, ...] | None:
    entry = tests.get(kind) if isinstance(tests, dict) else None
    answers = entry.get("answers") if isinstance(entry, dict) else None
    if count == 0 or not isinstance(answers, list) or len(answers) != count:
        return None
    return tuple(_stored_answer(answer) for answer in answers)


def _stored_answer(answer: object) -> Answer:
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, list):
        chosen = [_whole(value, 0, MAX_CHOICE) for value in answer]
        if not chosen or None in chosen:
            return None
        return tuple(sorted({c for c in chosen if c is not None}))
    return _whole(answer, 0, MAX_CHOICE)
