"""Standards profiles: ``berdaya validate --profile prakerja`` (docs/trainer-kit.md).

The fixture ``tests/fixtures/standards/kelas`` meets every criterion, at the
boundaries where it can (15 hours exactly); each test breaks one criterion and
asserts the one line it gives.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.helpers import FIXTURES, ROOT, edit, run

from generator.content.standards import hours, load_profile, profile_names
from generator.exceptions import UsageError

KELAS = FIXTURES / "standards" / "kelas"
STANDARD = "Kartu Prakerja, pelatihan luring (Skema Normal) (2023)"


@pytest.fixture
def kelas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture, as the working folder's ``content/kelas``."""
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copytree(KELAS, tmp_path / "content" / "kelas"))


def finding(where: str, criterion: str, text: str) -> str:
    """The line of a finding: ``where`` in the project, the criterion, what fails."""
    return f"content/kelas/{where}: error: [prakerja.{criterion}] {text}; {STANDARD}"


def errors(lines: list[str]) -> list[str]:
    """The error lines of ``lines`` (the schedule's warnings left out)."""
    return [line for line in lines if ": error: " in line]


def findings(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code, lines = run(["validate", "--profile", "prakerja", "content"], capsys)
    return code, [line for line in lines if not line.startswith("ok:")]


def test_the_bundled_curricula_meet_every_criterion(capsys) -> None:
    code, lines = run(["validate", "--profile", "prakerja", str(ROOT / "content")], capsys)
    assert (code, lines) == (0, ["ok: 7 curricula, 33 modules"])


def test_the_fixture_meets_every_criterion(kelas: Path, capsys) -> None:
    assert findings(capsys) == (0, [])


def test_practice_share(kelas: Path, capsys) -> None:
    for module in ("catat", "jual"):  # the activities become talk
        edit(kelas / "modules" / f"{module}.yml", "      activity: latihan", "      title: Ceramah")
    curriculum = kelas / "curriculum.yml"
    text = curriculum.read_text(encoding="utf-8")
    curriculum.write_text(text.replace("practice: true", "practice: false", 2), encoding="utf-8")
    text = "practice takes 180 of 900 minutes (20.0%); at least 70% asked"
    assert findings(capsys) == (1, [finding("curriculum.yml:11:3", "practice-share", text)])


PRACTICE_1 = "        - title: Praktik catat\n          minutes: 180"


def test_a_day_over_8_hours_of_sessions(kelas: Path, capsys) -> None:
    edit(kelas / "curriculum.yml", PRACTICE_1, PRACTICE_1.replace("180", "330"))
    text = "day 1 has 8 h 30 min of sessions (breaks not counted); at most 8 h a day"
    code, lines = findings(capsys)
    assert code == 1
    assert errors(lines) == [
        finding("curriculum.yml:12:7", "max-day", text)
    ]  # and the schedule's warnings


def test_exactly_8_hours_of_sessions_is_allowed(kelas: Path, capsys) -> None:
    edit(kelas / "curriculum.yml", PRACTICE_1, PRACTICE_1.replace("180", "300"))
    code, lines = findings(capsys)
    assert (code, errors(lines)) == (0, [])  # the schedule warns of a long day, the profile not


def test_fewer_than_15_hours(kelas: Path, capsys) -> None:
    last = "        - title: Unjuk keterampilan\n          minutes: 180"
    edit(kelas / "curriculum.yml", last, last.replace("180", "175"))
    text = "the training has 14 h 55 min of sessions (breaks not counted); at least 15 h asked"
    assert findings(capsys) == (1, [finding("curriculum.yml:11:3", "min-hours", text)])


def test_no_tests(kelas: Path, capsys) -> None:
    text = (kelas / "curriculum.yml").read_text(encoding="utf-8")
    (kelas / "curriculum.yml").write_text(text[: text.index("tests:")], encoding="utf-8")
    code, lines = findings(capsys)
    assert code == 1
    post = "no post-test: add 'tests:' with 'post:' to curriculum.yml"
    pre = "no pre-test: add 'tests:' with 'pre:' to curriculum.yml"
    usual = (  # the warning of every guide without tests, not a finding of the profile
        "content/kelas/curriculum.yml:9:1: warning: guide: the curriculum has a guide but no "
        "'tests' (a pre-test and a post-test)"
    )
    assert lines == [
        finding("curriculum.yml:4:1", "post-test", post),
        finding("curriculum.yml:4:1", "pre-test", pre),
        usual,
    ]


def test_a_module_without_a_quiz(kelas: Path, capsys) -> None:
    module = kelas / "modules" / "catat.yml"
    text = module.read_text(encoding="utf-8")
    start, end = text.index("quiz:"), text.index("session:")
    module.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(kelas / "curriculum.yml", "      - ref: catat/q1\n", "")
    code, lines = findings(capsys)
    assert code == 1
    assert [line for line in lines if "[prakerja." in line] == [
        finding("modules/catat.yml:2:1", "quizzes", "module 'catat' has no quiz")
    ]


def test_no_demonstration(kelas: Path, capsys) -> None:
    module = kelas / "modules" / "jual.yml"
    text = module.read_text(encoding="utf-8")
    module.write_text(text[: text.index("demonstration:")], encoding="utf-8")
    text = "no skill demonstration: add 'demonstration:' with a rubric"
    assert findings(capsys) == (1, [finding("curriculum.yml:4:1", "demonstration", text)])


def test_a_class_smaller_than_30_and_a_session_plan_without_materials(kelas: Path, capsys) -> None:
    edit(kelas / "curriculum.yml", "  class_size: 30", "  class_size: 20")
    edit(kelas / "modules" / "jual.yml", "  materials:\n    - Kertas, 1 lembar per peserta\n", "")
    small = "the guide plans for 20 participants; materials for a class of 30 asked"
    none = "module 'jual' has no session plan materials to prepare for the class"
    assert findings(capsys) == (
        1,
        [
            finding("curriculum.yml:10:3", "class-size", small),
            finding("modules/jual.yml:24:1", "class-size", none),
        ],
    )


def test_no_class_size(kelas: Path, capsys) -> None:
    edit(kelas / "curriculum.yml", "  class_size: 30\n", "")
    text = "the guide says no class_size; materials for a class of 30 asked"
    assert findings(capsys) == (1, [finding("curriculum.yml:9:1", "class-size", text)])


def test_json_names_the_criterion(kelas: Path, capsys) -> None:
    edit(kelas / "curriculum.yml", "  class_size: 30", "  class_size: 29")
    code, lines = run(["validate", "--profile", "prakerja", "--format", "json", "content"], capsys)
    assert code == 1
    [found] = json.loads("\n".join(lines))
    assert found["severity"] == "error"
    assert found["message"].startswith("[prakerja.class-size] the guide plans for 29 participants")
    assert (found["line"], found["column"]) == (10, 3)


def test_an_unknown_profile_is_a_usage_error(kelas: Path, capsys) -> None:
    code, lines = run(["validate", "--profile", "iso9001", "content"], capsys)
    assert code == 2
    assert any("'iso9001' is not 'prakerja'" in line for line in lines)
    with pytest.raises(UsageError, match=r"no profile 'iso9001' \(known: prakerja\)"):
        load_profile("iso9001")


def test_the_profiles_are_data_with_their_source() -> None:
    assert profile_names() == ["prakerja"]
    profile = load_profile("prakerja")
    assert profile.version == "2023"
    assert "version 2.0" in profile.source
    assert [c.id for c in profile.criteria] == [
        "practice-share", "max-day", "min-hours", "pre-test", "post-test",
        "quizzes", "demonstration", "class-size",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("minutes", "text"), [(815, "13 h 35 min"), (900, "15 h"), (5, "0 h 5 min")]
)
def test_hours(minutes: int, text: str) -> None:
    assert hours(minutes) == text
