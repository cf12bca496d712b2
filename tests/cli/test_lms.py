"""``berdaya lms export`` and ``berdaya lms import``: files, messages and exit codes."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from support.helpers import project_here, run

from generator.cli import main


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return project_here(tmp_path, monkeypatch)


@pytest.fixture
def module(project: Path) -> Path:
    return project / "content" / "contoh" / "modules" / "catatan.yml"


def test_export_writes_one_file_per_curriculum(project: Path, capsys) -> None:
    code, lines = run(["lms", "export"], capsys)
    assert code == 0
    written = project / "dist" / "contoh.moodle.xml"
    assert lines[-1].startswith(f"wrote {Path('dist') / 'contoh.moodle.xml'} (")
    assert written.read_text(encoding="utf-8").startswith('<?xml version="1.0"')
    code, lines = run(["lms", "export", "--format", "gift", "-o", "bank.gift"], capsys)
    assert code == 0
    assert (
        (project / "bank.gift")
        .read_text(encoding="utf-8")
        .startswith("// Berdaya question bank: contoh\n")
    )


def test_export_replaces_no_other_file(project: Path, capsys) -> None:
    (project / "mine.gift").write_text("my own questions\n", encoding="utf-8")
    code, lines = run(["lms", "export", "--format", "gift", "-o", "mine.gift"], capsys)
    assert code == 2
    assert lines == [
        (
            "berdaya lms: error: mine.gift exists and is not a question bank Berdaya wrote: "
            "not replaced"
        )
    ]
    code, lines = run(["lms", "export", "-o", "content/x.moodle.xml"], capsys)
    assert (code, lines) == (2, [
        "berdaya lms: error: content/x.moodle.xml is inside the content folder: write it elsewhere"
    ])  # fmt: skip


def test_import_appends_and_keeps_the_file(project: Path, module: Path, capsys) -> None:
    source = project / "baru.gift"
    source.write_text(
        "// [id:soal-baru]\n::Soal baru::[markdown]Apakah **kompos** perlu air?{TRUE}\n\n"
        "Berapa 2 + 2?{#4}\n",
        encoding="utf-8",
    )
    before = module.read_text(encoding="utf-8")
    code, lines = run(["lms", "import", "baru.gift", "--module", str(module)], capsys)
    assert code == 0
    assert lines == [f"added 2 questions to {module}"]
    after = module.read_text(encoding="utf-8")
    diff = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines())
    assert {op for op, *_ in diff.get_opcodes()} == {"equal", "insert"}  # every line kept
    assert "    - type: true-false\n      id: soal-baru\n" in after
    assert "      prompt: Apakah **kompos** perlu air?\n      answer: true\n" in after
    assert "    - type: number\n      prompt: Berapa 2 + 2?\n      answer: 4\n" in after
    assert main(["validate"]) == 0
    capsys.readouterr()
    code, lines = run(["lms", "import", "baru.gift", "--module", str(module)], capsys)
    assert code == 1
    duplicate = (
        "baru.gift:2:1: error: a question with the id 'soal-baru' is already in "
        "content/contoh/modules/catatan.yml"
    )
    assert lines == [duplicate]
    assert module.read_text(encoding="utf-8") == after


def test_import_reports_what_berdaya_cannot_express(project: Path, module: Path, capsys) -> None:
    (project / "q.xml").write_text(
        '<?xml version="1.0"?>\n<quiz>\n'
        '  <question type="essay"><name><text>E</text></name></question>\n'
        '  <question type="truefalse">\n'
        "    <name><text>Benar salah</text></name>\n"
        '    <questiontext format="html"><text>&lt;p&gt;Air itu basah.&lt;/p&gt;</text>'
        "</questiontext>\n"
        '    <answer fraction="100"><text>true</text></answer>\n'
        '    <answer fraction="0"><text>false</text></answer>\n'
        "  </question>\n</quiz>\n",
        encoding="utf-8",
    )
    code, lines = run(["lms", "import", "q.xml", "--module", str(module)], capsys)
    assert code == 0
    assert lines == [
        "q.xml:3:3: warning: the Moodle question type 'essay' has no Berdaya form: skipped",
        f"added 1 questions to {module}",
    ]
    assert "      id: benar-salah\n      prompt: Air itu basah.\n" in module.read_text("utf-8")


def test_import_usage_errors(project: Path, module: Path, capsys) -> None:
    (project / "q.csv").write_text("x\n", encoding="utf-8")
    code, lines = run(["lms", "import", "q.csv", "--module", str(module)], capsys)
    assert (code, lines) == (2, [
        "berdaya lms: error: q.csv: import reads .gift (or .txt) and .xml files"
    ])  # fmt: skip
    code, lines = run(["lms", "import", "q.gift"], capsys)
    assert code == 2
    assert lines[0].startswith("berdaya lms import: error: Missing option '--module'")


def test_an_invalid_question_is_placed_in_the_source(project: Path, module: Path, capsys) -> None:
    (project / "q.gift").write_text("Pilih satu.{=a =b ~c}\n", encoding="utf-8")
    before = module.read_text(encoding="utf-8")
    code, lines = run(["lms", "import", "q.gift", "--module", str(module)], capsys)
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith("q.gift:1:1: error: quiz.questions[")
    assert "exactly one correct choice" in lines[0]
    assert module.read_text(encoding="utf-8") == before
