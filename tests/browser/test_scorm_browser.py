"""The SCORM package in Chromium: played by a strict SCORM 1.2 runtime, and on its own.

An LMS page (``http://lms.test/``, served from memory by Playwright's router)
gives scorm-again's ``Scorm12API`` (pinned in tests/support/scorm_again.json,
installed by ``make scorm-runtime``) to the package's launch page, which it
loads in a frame as Moodle's player does. The host wraps the API: every call is
logged with its arguments, its result and ``LMSGetLastError()`` read right
after it, and every value the package sets is checked against the SCORM 1.2
data model more strictly than the runtime checks it (vocabularies, CMIDecimal,
CMITimespan, identifiers without spaces, objectives filled in order). Nothing
else may load: any other request is aborted and recorded.

The rule the package reports by is docs/scorm.md.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Frame, Route, expect
from support.helpers import FIXTURES, make_project

from generator.outputs.export import ExportRequest
from generator.outputs.scorm import export_scorm
from generator.results.tally import score

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PINS = json.loads((ROOT / "tests" / "support" / "scorm_again.json").read_text(encoding="utf-8"))
RUNTIME = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
LATIHAN = FIXTURES / "single" / "latihan"
LMS = "http://lms.test"

HOST = """<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="/scorm12.min.js"></script>
<script>
"use strict";
window.calls = [];
window.violations = [];
const runtime = new Scorm12API({
  autocommit: false, lmsCommitUrl: false, strict_errors: true, logLevel: 5,
  autoCompleteLessonStatus: false, mastery_override: false,
});
const decimal = /^-?\\d+(\\.\\d+)?$/;
const RULES = [
  [/^cmi\\.core\\.lesson_status$/, v => /^(passed|completed|failed|incomplete|browsed)$/.test(v)],
  [/^cmi\\.core\\.score\\.(raw|min|max)$/, v => decimal.test(v) && +v >= 0 && +v <= 100],
  [/^cmi\\.core\\.exit$/, v => /^(time-out|suspend|logout|)$/.test(v)],
  [/^cmi\\.core\\.session_time$/, v => /^\\d{2,4}:\\d{2}:\\d{2}(\\.\\d{1,2})?$/.test(v)],
  [/^cmi\\.objectives\\.(\\d+)\\.id$/, v => /^[A-Za-z0-9_.:-]{1,255}$/.test(v)],
  [/^cmi\\.objectives\\.(\\d+)\\.score\\.(raw|min|max)$/,
   v => decimal.test(v) && +v >= 0 && +v <= 100],
  [/^cmi\\.objectives\\.(\\d+)\\.status$/,
   v => /^(passed|completed|failed|incomplete|browsed|not attempted)$/.test(v)],
];
let objectives = 0;
function checkSet(name, value) {
  if (typeof value !== "string") return "not a string";
  const rule = RULES.find(([pattern]) => pattern.test(name));
  if (!rule) return "not an element a SCO writes here";
  if (!rule[1](value)) return "bad value";
  const n = /^cmi\\.objectives\\.(\\d+)\\./.exec(name);
  if (n) {
    if (+n[1] > objectives) return "objectives not filled in order";
    if (+n[1] === objectives) {
      if (!name.endsWith(".id")) return "an objective's id must come first";
      objectives++;
    }
  }
  return null;
}
window.API = {};
for (const name of ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit",
                    "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"]) {
  window.API[name] = function (...args) {
    if (name === "LMSSetValue") {
      const problem = checkSet(args[0], args[1]);
      if (problem) window.violations.push(`${args[0]} = ${JSON.stringify(args[1])}: ${problem}`);
    }
    const result = runtime[name](...args);
    const error = String(runtime.LMSGetLastError());
    window.calls.push({ name, args, result: String(result), error,
      diagnostic: error === "0" ? "" : String(runtime.LMSGetDiagnostic(error)) });
    return result;
  };
}
window.value = name => String(runtime.LMSGetValue(name));
</script></head>
<body><iframe src="/sco/index.html" title="course" width="800" height="900"></iframe></body>
</html>
"""


def runtime_script() -> Path:
    """scorm-again's SCORM 1.2 runtime, installed as pinned (``make scorm-runtime``)."""
    digest = PINS["files"]["dist/scorm12.min.js"]
    if not RUNTIME.is_file() or hashlib.sha256(RUNTIME.read_bytes()).hexdigest() != digest:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "scorm_runtime.py")], check=True)
    assert hashlib.sha256(RUNTIME.read_bytes()).hexdigest() == digest
    return RUNTIME


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The files of the fixture curriculum's SCORM package."""
    root = tmp_path_factory.mktemp("scorm-browser")
    project = make_project(root / "project", LATIHAN)
    target = root / "latihan-scorm.zip"
    export_scorm(ExportRequest(project / "mkdocs.yml", (), "learner", target))
    with zipfile.ZipFile(target) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


class Lms:
    """A page of an LMS playing the package in a frame, recording what else would load."""

    def __init__(self, browser: Browser, package: dict[str, bytes]) -> None:
        self.files = {
            f"{LMS}/host.html": (HOST.encode("utf-8"), "text/html"),
            f"{LMS}/scorm12.min.js": (runtime_script().read_bytes(), "text/javascript"),
        }
        for name, data in package.items():
            kind = "text/html" if name.endswith(".html") else "application/xml"
            self.files[f"{LMS}/sco/{name}"] = (data, kind)
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": 1000, "height": 1000})
        self.context.set_default_timeout(5000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.on("console", self._console)
        self.page.on("dialog", self._dialog)
        self.page.goto(f"{LMS}/host.html")
        self.page.wait_for_function("calls.some(c => c.name === 'LMSInitialize')")

    def _route(self, route: Route) -> None:
        url = route.request.url.split("#")[0]
        if url in self.files:
            data, kind = self.files[url]
            route.fulfill(body=data, content_type=kind)
        elif url.startswith("data:"):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type in {"error", "warning"}:
            self.errors.append(f"{message.type}: {message.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.accept()

    @property
    def frame(self) -> Frame:
        frame = self.page.frame(url=lambda url: url.startswith(f"{LMS}/sco/index.html"))
        assert frame is not None
        return frame

    def open(self, address: str) -> Frame:
        self.frame.evaluate("a => { location.hash = a; }", address)
        self.frame.wait_for_function(
            "a => (document.querySelector('.b-view.is-current') || {}).id === a", arg=address
        )
        return self.frame

    def value(self, name: str) -> str:
        return str(self.page.evaluate("n => value(n)", name))

    def calls(self) -> list[dict[str, Any]]:
        return list(self.page.evaluate("calls"))

    def sets(self) -> dict[str, str]:
        """The last value the package set for each element."""
        found = {}
        for call in self.calls():
            if call["name"] == "LMSSetValue":
                found[call["args"][0]] = call["args"][1]
        return found

    def objectives(self) -> list[tuple[str, str, str]]:
        count = int(self.value("cmi.objectives._count"))
        return [
            tuple(
                self.value(f"cmi.objectives.{n}.{part}") for part in ("id", "score.raw", "status")
            )  # type: ignore[misc]
            for n in range(count)
        ]

    def leave(self) -> None:
        """Unload the package, as the LMS does when the learner leaves the activity."""
        self.page.evaluate("document.querySelector('iframe').src = 'about:blank'")
        self.page.wait_for_function("calls.some(c => c.name === 'LMSFinish')")

    def check_clean(self) -> None:
        """No API error after any call, no value outside the data model, nothing else loaded."""
        calls = self.calls()
        failed = [c for c in calls if c["error"] != "0" or c["result"] == "false"]
        assert failed == []
        assert self.page.evaluate("violations") == []
        assert self.blocked == []
        assert self.errors == []


@pytest.fixture
def lms(browser: Browser, package: dict[str, bytes]) -> Iterator[Lms]:
    session = Lms(browser, package)
    yield session
    session.context.close()


def check_quiz(frame: Frame) -> None:
    frame.locator(".b-view.is-current .berdaya-quiz__check").click()
    expect(frame.locator(".b-view.is-current .berdaya-quiz__status")).to_contain_text("Skor")


def wait_for(lms: Lms, name: str, value: str) -> None:
    lms.page.wait_for_function("([n, v]) => value(n) === v", arg=[name, value])


def test_a_strict_runtime_sees_status_score_and_objectives(lms: Lms) -> None:
    wait_for(lms, "cmi.core.lesson_status", "incomplete")
    assert lms.value("cmi.core.score.raw") == ""
    assert lms.objectives() == [("dasar", "", "not attempted"), ("lanjut", "", "not attempted")]
    names = [c["name"] for c in lms.calls()]
    assert names[0] == "LMSInitialize"
    assert names[-1] == "LMSCommit"

    frame = lms.open("/lanjut/kuis/")  # one question, answered right: 100 %
    frame.locator('.b-view.is-current input[value="0"]').check()
    check_quiz(frame)
    wait_for(lms, "cmi.core.score.raw", "50")  # the mean of 100 and a quiz not taken (0)
    assert lms.value("cmi.core.score.min") == "0"
    assert lms.value("cmi.core.score.max") == "100"
    assert lms.value("cmi.core.lesson_status") == "incomplete"
    assert lms.objectives() == [("dasar", "", "not attempted"), ("lanjut", "100", "passed")]

    frame = lms.open("/dasar/kuis/")  # five of seven points: 71 %, passed (pass mark 70)
    boxes = frame.locator(".b-view.is-current fieldset.berdaya-q")
    boxes.nth(0).locator('input[value="0"]').check()
    boxes.nth(1).locator('input[value="0"]').check()
    boxes.nth(1).locator('input[value="1"]').check()
    boxes.nth(2).locator('input[value="false"]').check()
    boxes.nth(3).locator("input").fill("Buku kas")
    boxes.nth(4).locator("input").fill("85000")
    frame.locator(".b-view.is-current .berdaya-quiz__check").click()
    frame.locator(".b-view.is-current .berdaya-quiz__confirm-check").click()
    wait_for(lms, "cmi.core.lesson_status", "passed")  # every module quiz passed
    assert lms.value("cmi.core.score.raw") == "86"  # (71 + 100) / 2, halves up
    assert lms.objectives() == [("dasar", "71", "passed"), ("lanjut", "100", "passed")]

    frame = lms.open("/tes-akhir/")  # the post-test: 2 of 4 points
    test = frame.locator(".b-view.is-current .berdaya-test")
    questions = test.locator("fieldset.berdaya-q")
    questions.nth(0).locator('input[value="0"]').check()  # right: 1 point
    questions.nth(1).locator('input[value="false"]').check()  # wrong
    questions.nth(2).locator('input[value="0"]').check()  # one of two right choices: 1 of 2
    test.get_by_role("button", name="Kumpulkan jawaban").click()
    wait_for(lms, "cmi.core.score.raw", "50")  # the post-test's score counts once taken
    assert lms.value("cmi.core.lesson_status") == "passed", "every module quiz passed"
    assert len(lms.dialogs) == 1

    lms.leave()
    calls = lms.calls()
    assert [c["name"] for c in calls[-4:]] == [
        "LMSSetValue",
        "LMSSetValue",
        "LMSCommit",
        "LMSFinish",
    ]
    sets = lms.sets()
    assert sets["cmi.core.exit"] == ""  # finished: passed
    assert re.fullmatch(r"00:0[0-4]:\d\d\.\d\d", sets["cmi.core.session_time"])
    lms.check_clean()


def test_leaving_before_the_end_suspends(lms: Lms) -> None:
    wait_for(lms, "cmi.core.lesson_status", "incomplete")
    lms.leave()
    assert lms.sets()["cmi.core.exit"] == "suspend"
    assert lms.calls()[-1]["name"] == "LMSFinish"
    lms.check_clean()


def test_a_post_test_below_the_pass_mark_fails(lms: Lms) -> None:
    wait_for(lms, "cmi.core.lesson_status", "incomplete")
    frame = lms.open("/tes-akhir/")
    test = frame.locator(".b-view.is-current .berdaya-test")
    questions = test.locator("fieldset.berdaya-q")
    questions.nth(0).locator('input[value="0"]').check()  # 1 of 4 points: 25 %
    test.get_by_role("button", name="Kumpulkan jawaban").click()
    wait_for(lms, "cmi.core.lesson_status", "failed")
    assert lms.value("cmi.core.score.raw") == "25"
    assert lms.objectives() == [("dasar", "", "not attempted"), ("lanjut", "", "not attempted")]
    frame = lms.open("/lanjut/kuis/")
    frame.locator('.b-view.is-current input[value="1"]').check()  # wrong: 0 %
    check_quiz(frame)
    wait_for(lms, "cmi.objectives.1.score.raw", "0")
    assert lms.objectives()[1] == ("lanjut", "0", "incomplete")
    assert lms.value("cmi.core.score.raw") == "25", "the post-test's score, not the quizzes'"
    lms.check_clean()


def test_the_scores_match_the_results_tally(lms: Lms) -> None:
    """The script scores a test as generator/results/tally.py does, on random answers."""
    generator = random.Random(17)  # noqa: S311 - test data, not secrets
    cases = []
    for _ in range(300):
        keys, answers = [], []
        for _ in range(generator.randint(1, 8)):
            kind = generator.choice(["single", "multiple", "true-false"])
            points = generator.randint(1, 3)
            if kind == "true-false":
                keys.append({"type": kind, "correct": generator.random() < 0.5, "points": points})
                answers.append(generator.choice([True, False, None]))
                continue
            count = generator.randint(2, 6)
            right = sorted(generator.sample(range(count), 1 if kind == "single" else 2))
            keys.append({"type": kind, "correct": right, "points": points})
            chosen = sorted(generator.sample(range(count), generator.randint(1, count)))
            answers.append(chosen[0] if kind == "single" else chosen)
        cases.append((answers, keys))
    found = lms.frame.evaluate("cases => cases.map(c => berdayaScorm.score(c[0], c[1]))", cases)
    expected = [
        score([tuple(a) if isinstance(a, list) else a for a in answers], keys)
        for answers, keys in cases
    ]
    assert found == expected
    lms.check_clean()


def test_without_an_lms_the_file_is_the_single_file(
    browser: Browser, package: dict[str, bytes], tmp_path: Path
) -> None:
    """Opened on its own, offline: no API call, no request, no error; quizzes still score."""
    launch = tmp_path / "index.html"
    launch.write_bytes(package["index.html"])
    blocked: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 360, "height": 740}, offline=True)
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.split("#")[0] == launch.as_uri()
            else (blocked.append(route.request.url), route.abort())
        ),
    )
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type in {"error", "warning"} else None)
    page.goto(f"{launch.as_uri()}#/lanjut/kuis/")
    page.locator('.b-view.is-current input[value="0"]').check()
    page.locator(".b-view.is-current .berdaya-quiz__check").click()
    expect(page.locator(".b-view.is-current .berdaya-quiz__status")).to_contain_text(
        "Skor: 100% — Lulus"
    )
    assert page.evaluate("typeof window.API") == "undefined"
    assert page.evaluate("berdayaScorm.state().score") == 50
    page.goto("about:blank")
    assert blocked == []
    assert errors == []
    context.close()


def test_the_host_catches_a_call_the_data_model_refuses(lms: Lms) -> None:
    """The harness itself: a bad value is an error of the runtime and a violation of the host."""
    wait_for(lms, "cmi.core.lesson_status", "incomplete")
    lms.frame.evaluate("parent.API.LMSSetValue('cmi.core.lesson_status', 'done')")
    lms.frame.evaluate("parent.API.LMSSetValue('cmi.objectives.5.id', 'far')")
    lms.frame.evaluate("parent.API.LMSSetValue('cmi.core.student_name', 'X')")
    last = lms.calls()[-3:]
    assert [c["error"] for c in last] == ["405", "201", "403"]
    assert lms.page.evaluate("violations") == [
        'cmi.core.lesson_status = "done": bad value',
        'cmi.objectives.5.id = "far": objectives not filled in order',
        'cmi.core.student_name = "X": not an element a SCO writes here',
    ]
    with pytest.raises(AssertionError):
        lms.check_clean()
