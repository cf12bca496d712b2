"""``berdaya schema``: the JSON Schemas agree with the content and with schema/*.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.content.load import load_file

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("curriculum", "module")


def printed(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(["schema", *argv]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


@pytest.fixture(scope="module")
def schemas() -> dict[str, dict[str, Any]]:
    found = {}
    for kind in KINDS:
        path = ROOT / "schema" / f"{kind}.schema.json"
        found[kind] = json.loads(path.read_text(encoding="utf-8"))
    return found


def yaml_files() -> list[Path]:
    roots = [ROOT / "tests" / "fixtures" / "mini", ROOT / "content"]
    files = [p for root in roots if root.is_dir() for p in sorted(root.rglob("*.yml"))]
    return [p for p in files if p.name == "curriculum.yml" or p.parent.name == "modules"]


def kind_of(path: Path) -> str:
    return "curriculum" if path.name == "curriculum.yml" else "module"


@pytest.mark.parametrize("kind", KINDS)
def test_committed_schema_is_what_berdaya_schema_prints(capsys, kind: str) -> None:
    committed = (ROOT / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert printed(capsys, kind) == committed, "run 'berdaya schema --write' and commit schema/"


def test_berdaya_schema_prints_both(capsys) -> None:
    both = printed(capsys)
    parts = [(ROOT / "schema" / f"{k}.schema.json").read_text(encoding="utf-8") for k in KINDS]
    assert both == "".join(parts)


@pytest.mark.parametrize("kind", KINDS)
def test_schema_is_a_valid_json_schema(schemas, kind: str) -> None:
    Draft202012Validator.check_schema(schemas[kind])
    assert schemas[kind]["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schemas[kind]["$id"] == f"{kind}.schema.json"


def test_there_are_files_to_check() -> None:
    kinds = {kind_of(p) for p in yaml_files()}
    assert kinds == {"curriculum", "module"}


@pytest.mark.parametrize("path", yaml_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_content_files_satisfy_the_schema(schemas, path: Path) -> None:
    doc, problems = load_file(path)
    assert problems == []
    assert doc is not None
    validator = Draft202012Validator(schemas[kind_of(path)])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc.data)]
    assert errors == []


def test_schema_refuses_an_unknown_key(schemas) -> None:
    path = ROOT / "tests" / "fixtures" / "mini" / "contoh" / "modules" / "harga.yml"
    doc, _ = load_file(path)
    assert doc is not None
    data = dict(doc.data)
    data["minuts"] = data.pop("minutes")
    validator = Draft202012Validator(schemas["module"])
    assert not validator.is_valid(data)


def test_schema_refuses_a_question_without_type(schemas) -> None:
    path = ROOT / "tests" / "fixtures" / "mini" / "contoh" / "modules" / "catatan.yml"
    doc, _ = load_file(path)
    assert doc is not None
    question = dict(doc.data["quiz"]["questions"][0])
    del question["type"]
    data = {**doc.data, "quiz": {"questions": [question]}}
    assert not Draft202012Validator(schemas["module"]).is_valid(data)


def test_schema_write_writes_the_committed_files(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["schema", "--write"]) == 0
    capsys.readouterr()
    for kind in KINDS:
        name = f"{kind}.schema.json"
        written = (tmp_path / "schema" / name).read_text(encoding="utf-8")
        assert written == (ROOT / "schema" / name).read_text(encoding="utf-8")
