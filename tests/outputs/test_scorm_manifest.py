"""The SCORM package's pure parts: the manifest, the reporting script's data, paths, the zip."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from support.helpers import CONTOH, FIXTURES
from support.scorm import ADLCP, CP, manifest_problems

from generator.content.check import read_project
from generator.content.prepost import prepost_keys
from generator.content.project import CurriculumSource, find_curricula
from generator.exceptions import UsageError
from generator.outputs.archive import zip_files
from generator.outputs.scorm import file_name, output_paths
from generator.outputs.scorm_manifest import (
    IMSMD,
    LAUNCH,
    identifier,
    manifest,
    mastery_score,
    scorm_data,
)
from generator.site.seal import unseal

LATIHAN = FIXTURES / "single" / "latihan"
MD = f"{{{IMSMD}}}"


def curriculum(folder: Path) -> CurriculumSource:
    project = read_project(find_curricula([folder]))
    assert [d.format() for d in project.diagnostics if d.severity == "error"] == []
    return project.curricula[0]


def test_the_manifest_is_scorm_1_2_with_one_sco() -> None:
    c = curriculum(LATIHAN)
    xml = manifest(c).encode("utf-8")
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<manifest ')
    assert manifest_problems(xml, {"imsmanifest.xml", LAUNCH}) == []
    root = ET.fromstring(xml)  # noqa: S314 - our own output
    assert root.get("identifier") == "berdaya-latihan"
    assert root.get("version") == "2.1"
    assert root.findtext(f"{CP}metadata/{CP}schemaversion") == "1.2"
    general = root.find(f"{CP}metadata/{MD}lom/{MD}general")
    assert general is not None
    assert general.findtext(f"{MD}title/{MD}langstring") == "Latihan Ponsel"
    assert general.findtext(f"{MD}language") == "id"
    description = general.findtext(f"{MD}description/{MD}langstring")
    assert description == "Kurikulum kecil untuk menguji file tunggal yang dibuka di ponsel."
    items = root.findall(f"{CP}organizations/{CP}organization/{CP}item")
    assert len(items) == 1
    assert items[0].findtext(f"{CP}title") == "Latihan Ponsel"
    assert items[0].findtext(f"{ADLCP}masteryscore") == "70"
    (resource,) = root.findall(f"{CP}resources/{CP}resource")
    assert resource.get(f"{ADLCP}scormtype") == "sco"
    assert resource.get("href") == "index.html"
    assert [f.get("href") for f in resource.findall(f"{CP}file")] == ["index.html"]


def test_the_manifest_escapes_what_the_content_says(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(LATIHAN, tmp_path / "latihan"))
    text = (folder / "curriculum.yml").read_text(encoding="utf-8")
    hostile = '<b>Kas & "Harga"</b> ]]> <!-- x -->'
    text = text.replace("title: Latihan Ponsel", f"title: '{hostile}'")
    (folder / "curriculum.yml").write_text(text, encoding="utf-8")
    xml = manifest(curriculum(folder)).encode("utf-8")
    assert b"<b>" not in xml
    assert manifest_problems(xml, {LAUNCH}) == []
    root = ET.fromstring(xml)  # noqa: S314 - our own output
    titles = [e.text for e in root.iter() if e.tag in {f"{CP}title", f"{MD}langstring"}]
    assert titles.count(hostile) == 3  # the LOM title, the organization's and the item's


def test_the_pass_mark_is_the_mean_of_the_quizzes_pass_marks() -> None:
    assert mastery_score(curriculum(LATIHAN)) == 70  # 70 and the default 70
    assert mastery_score(curriculum(CONTOH)) == 65  # 70 and 60
    assert "<adlcp:masteryscore>65</adlcp:masteryscore>" in manifest(curriculum(CONTOH))


def test_the_script_gets_the_modules_and_the_sealed_post_test_key() -> None:
    c = curriculum(LATIHAN)
    data = scorm_data(c)
    assert data["curriculum"] == "latihan"
    assert data["modules"] == [{"id": "dasar", "pass": 70}, {"id": "lanjut", "pass": 70}]
    assert data["mastery"] == 70
    keys = prepost_keys(c)
    assert keys is not None
    assert "correct" not in data["post"]
    assert unseal(data["post"], "latihan/post") == keys["post"]
    assert scorm_data(curriculum(CONTOH))["modules"] == [
        {"id": "harga", "pass": 60},
        {"id": "catatan", "pass": 70},
    ]  # in curriculum order
    without_tests = scorm_data(curriculum(FIXTURES / "quiz" / "practice"))
    assert without_tests["post"] is None
    assert without_tests["modules"] == [{"id": "basics", "pass": 80}]  # 'extra' has no quiz


@pytest.mark.parametrize(
    ("text", "expected"),
    [("latihan", "latihan"), ("a b/c", "a-b-c"), ("kas_2.1", "kas_2.1"), ("é", "-")],
)
def test_identifier(text: str, expected: str) -> None:
    assert identifier(text) == expected


def test_the_checker_finds_what_an_lms_would_refuse() -> None:
    xml = (
        f'<manifest xmlns="{CP[1:-1]}" xmlns:adlcp="{ADLCP[1:-1]}" identifier="m">'
        "<metadata><schema>ADL SCORM</schema><schemaversion>2004</schemaversion></metadata>"
        '<organizations default="none"><organization identifier="o"><title>T</title>'
        '<item identifier="1i" identifierref="r2"><title>T</title>'
        "<adlcp:masteryscore>101</adlcp:masteryscore></item></organization></organizations>"
        '<resources><resource identifier="r" type="webcontent" adlcp:scormtype="sco" '
        'href="start.html"><file href="start.html"/></resource></resources></manifest>'
    )
    assert manifest_problems(xml.encode(), {"index.html"}) == [
        "identifier '1i' is not an XML name",
        "metadata schema 'ADL SCORM' '2004', not 'ADL SCORM' '1.2'",
        "default organization 'none' does not exist",
        "item 1i: no resource 'r2'",
        "item 1i: masteryscore '101'",
        "resource r: href 'start.html' is not in the package",
        "resource r: file 'start.html' is not in the package",
    ]


def test_output_paths(tmp_path: Path) -> None:
    c = curriculum(LATIHAN)
    assert output_paths(None, [c]) == {"latihan": Path("dist/latihan-scorm.zip")}
    assert output_paths(tmp_path / "x.zip", [c]) == {"latihan": tmp_path / "x.zip"}
    assert output_paths(tmp_path, [c]) == {"latihan": tmp_path / file_name("latihan")}
    with pytest.raises(UsageError, match="names one file, but 2 curricula are exported"):
        output_paths(tmp_path / "x.zip", [c, c])
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(UsageError, match="is a file: name a folder for the packages"):
        output_paths(tmp_path / "notes.txt", [c])


def test_the_zip_is_the_same_bytes_for_the_same_files() -> None:
    files = {"index.html": b"<!doctype html>", "imsmanifest.xml": b"<manifest/>"}
    data, entries = zip_files(files)
    assert zip_files(dict(reversed(files.items())))[0] == data
    assert [e.name for e in entries] == ["imsmanifest.xml", "index.html"]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert [i.filename for i in archive.infolist()] == ["imsmanifest.xml", "index.html"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("index.html") == b"<!doctype html>"
