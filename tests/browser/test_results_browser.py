"""The results code in Chromium: the script against the shared vectors and against Python.

The page is a harness made like the single file (our scripts inline under the
same Content-Security-Policy, nothing else may load), opened from file://. The
script must give exactly what tests/fixtures/results/*.json holds, and agree
with the Python implementation on a few hundred random devices, codes and texts.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page
from support.results import harness, tally_spec, vectors

from generator.i18n import STRINGS
from generator.results.code import ALPHABET, CodeError, code_name, decode, encode, from_storage
from generator.results.scan import scan

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    """The harness with no widget: only the code's functions (window.berdayaResults)."""
    file = harness(tmp_path_factory.mktemp("results-core"), "<p>core</p>")
    context = browser.new_context()
    errors: list[str] = []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(file.as_uri())
            else (errors.append(route.request.url), route.abort())
        ),
    )
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("console", lambda m: errors.append(m.text) if m.type in {"error", "warning"} else None)
    tab.goto(file.as_uri())
    yield tab
    assert errors == []
    context.close()


def strings(language: str) -> dict[str, str]:
    return {key: row[language] for key, row in STRINGS.items()}  # type: ignore[index]


def test_names(page: Page) -> None:
    cases = vectors("names")
    got = page.evaluate("cases => cases.map(c => berdayaResults.codeName(c.name))", cases)
    assert got == [case["code"] for case in cases]


ENCODE = """cases => cases.map(c => {
  const R = berdayaResults;
  const results = R.fromStorage(c.send, c.learner, c.progress, c.tests, c.date);
  const code = R.encode(results);
  return {results, code, decoded: R.decode(code)};
})"""


def test_encode(page: Page) -> None:
    cases = vectors("encode")
    got = page.evaluate(ENCODE, cases)
    for case, result in zip(cases, got, strict=True):
        assert result == {
            "results": case["results"],
            "code": case["code"],
            "decoded": case["results"],
        }, case["name"]


DECODE = """texts => texts.map(text => {
  try { return {results: berdayaResults.decode(text)}; }
  catch (e) { return e.reason ? {reason: e.reason, learner: e.name} : {error: String(e)}; }
})"""


def test_decode(page: Page) -> None:
    cases = vectors("decode")
    got = page.evaluate(DECODE, [case["text"] for case in cases])
    for case, result in zip(cases, got, strict=True):
        expected = (
            {"results": case["results"]}
            if "results" in case
            else {"reason": case["reason"], "learner": case["learner"]}
        )
        assert result == expected, case["name"]


def test_scan(page: Page) -> None:
    cases = vectors("scan")
    got = page.evaluate("cases => cases.map(c => berdayaResults.scan(c.text))", cases)
    assert got == [case["found"] for case in cases]


TALLY = """([cases, spec, strings]) => cases.map(c => {
  const R = berdayaResults;
  R.setStrings(strings[c.language]);
  const entries = R.scan(c.text).map(found => ({source: "chat.txt", found}));
  const result = R.tally(entries, spec);
  const sources = result.problems.map(p => p.source);
  result.problems.forEach(p => { delete p.source; });
  return {rows: result.rows, problems: result.problems, sources,
          table: R.tableCells(result, spec), csv: R.csv(result, spec)};
})"""


def test_tally_table_and_csv(page: Page) -> None:
    cases = vectors("tally")
    texts = {"id": strings("id"), "en": strings("en")}
    got = page.evaluate(TALLY, [cases, tally_spec(), texts])
    for case, result in zip(cases, got, strict=True):
        assert result["rows"] == case["rows"], case["name"]
        assert result["problems"] == case["problems"], case["name"]
        assert set(result["sources"]) <= {"chat.txt"}
        assert result["table"] == case["table"], case["name"]
        assert result["csv"] == case["csv"], case["name"]


# Python and the script on random devices, damaged codes and texts.

NAMES = [
    "Siti Aminah",
    "  budi ",
    "Ma'ruf Ñúñez",
    "\uff21\uff4e\uff49 2",
    "😀",
    "محمد",
    "I Gusti Ayu Made Sri Wahyuni",
]
VERSIONS = ["", "1.0", "2.1", "édition 2"]
ODD = [None, True, False, "1", 1.5, -1, 16, 99, [], [0, "x"], {"a": 1}]


def random_device(rng: random.Random) -> dict[str, Any]:
    modules = [f"m{i}" for i in range(rng.randint(0, 8))]
    counts = None if rng.random() < 0.2 else {"pre": rng.randint(1, 20), "post": rng.randint(1, 20)}
    send = {
        "curriculum": rng.choice(["kedai", "manajemen-usaha-kecil", "x"]),
        "version": rng.choice(VERSIONS),
        "modules": modules,
        "tests": counts,
    }
    best = [None, 0, 18, 19, 69.5, 70, 100, 100.4, 120, -1, "80", True]
    progress = {m: {"best": rng.choice(best)} for m in modules if rng.random() < 0.7}
    tests: dict[str, Any] = {}
    for kind in ("pre", "post"):
        size = (counts or {}).get(kind, 3) + (1 if rng.random() < 0.1 else 0)
        if rng.random() < 0.8:
            tests[kind] = {"answers": [random_answer(rng) for _ in range(size)]}
    date = dt.date(2019, 6, 1) + dt.timedelta(days=rng.randint(0, 20000))
    return {
        "send": send,
        "learner": rng.choice(NAMES),
        "progress": progress if rng.random() < 0.9 else None,
        "tests": tests if rng.random() < 0.9 else None,
        "date": date.isoformat(),
    }


def random_answer(rng: random.Random) -> object:
    kind = rng.random()
    if kind < 0.35:
        return rng.randint(0, 9)
    if kind < 0.6:
        return sorted(rng.sample(range(6), rng.randint(1, 5)))
    if kind < 0.75:
        return rng.choice([True, False])
    if kind < 0.9:
        return None
    return rng.choice(ODD)


def python_encoding(device: dict[str, Any]) -> dict[str, Any]:
    try:
        results = from_storage(
            device["send"],
            device["learner"],
            device["progress"],
            device["tests"],
            dt.date.fromisoformat(device["date"]),
        )
    except ValueError as exc:
        return {"error": str(exc)}
    return {"results": results.as_json(), "code": encode(results)}


ENCODE_RANDOM = """devices => devices.map(d => {
  try {
    const results = berdayaResults.fromStorage(d.send, d.learner, d.progress, d.tests, d.date);
    return {results, code: berdayaResults.encode(results)};
  } catch (e) { return {error: e.message}; }
})"""


def test_python_and_the_script_encode_300_random_devices_alike(page: Page) -> None:
    rng = random.Random(2025)  # noqa: S311 - test data, not secrets
    devices = [random_device(rng) for _ in range(300)]
    expected = [python_encoding(device) for device in devices]
    assert page.evaluate(ENCODE_RANDOM, devices) == expected
    assert sum("code" in e for e in expected) > 180  # names without a Latin letter: no code


def damaged(code: str, rng: random.Random) -> str:
    i = rng.randrange(len(code))
    kind = rng.random()
    if kind < 0.4:
        return code[:i] + rng.choice(ALPHABET) + code[i + 1 :]
    if kind < 0.6:
        return code[:i] + code[i + 1 :]
    if kind < 0.8:
        return code[:i] + rng.choice(ALPHABET) + code[i:]
    j = min(i + 1, len(code) - 1)
    return code[:i] + code[j] + code[i] + code[j + 1 :] if i < j else code


def python_decoding(text: str) -> dict[str, Any]:
    try:
        return {"results": decode(text).as_json()}
    except CodeError as exc:
        return {"reason": exc.reason, "learner": exc.name}


def test_python_and_the_script_decode_damaged_codes_alike(page: Page) -> None:
    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    codes = [
        e["code"] for e in (python_encoding(random_device(rng)) for _ in range(120)) if "code" in e
    ]
    texts = codes + [damaged(code, rng) for code in codes for _ in range(3)]
    expected = [python_decoding(text) for text in texts]
    assert page.evaluate(DECODE, texts) == expected
    assert {e.get("reason") for e in expected} >= {None, "checksum", "incomplete", "malformed"}


def noisy_text(codes: list[str], rng: random.Random) -> str:
    parts = []
    for code in rng.sample(codes, 4):
        shown = code.lower() if rng.random() < 0.3 else code
        if rng.random() < 0.3:
            cut = rng.randrange(5, len(shown))
            shown = shown[:cut] + rng.choice(["\n", " \u200b\n", "\r\n", "\u00ad"]) + shown[cut:]
        if rng.random() < 0.2:
            shown = damaged(shown, rng)
        parts.append(rng.choice(["", "kode: ", "😀 ", "12/03/25 10.15 - Siti: "]) + shown)
        parts.append(rng.choice(["\n", " ", ".\n", ", ", "\nterima kasih\n"]))
    return "".join(parts)


def found_json(text: str) -> list[dict[str, Any]]:
    return [
        {
            "line": f.line,
            "column": f.column,
            "text": f.text,
            "results": f.results.as_json() if f.results else None,
            "reason": f.reason,
            "name": f.name,
        }
        for f in scan(text)
    ]


def test_python_and_the_script_find_codes_in_random_texts_alike(page: Page) -> None:
    rng = random.Random(11)  # noqa: S311 - test data, not secrets
    codes = [
        e["code"] for e in (python_encoding(random_device(rng)) for _ in range(60)) if "code" in e
    ]
    texts = [noisy_text(codes, rng) for _ in range(60)]
    got = page.evaluate("texts => texts.map(t => berdayaResults.scan(t))", texts)
    assert got == [found_json(text) for text in texts]


def test_names_agree_on_random_text(page: Page) -> None:
    rng = random.Random(5)  # noqa: S311 - test data, not secrets
    pool = "abcXYZ09 -'\u2019.éÑøßŁ\u0131Æ😀\uff53\u0301\u00a0_"
    names = ["".join(rng.choice(pool) for _ in range(rng.randint(0, 40))) for _ in range(300)]
    got = page.evaluate("names => names.map(n => berdayaResults.codeName(n))", names)
    assert got == [code_name(name) for name in names]
