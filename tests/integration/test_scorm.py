"""``berdaya export --format scorm``: real builds of the fixtures and the bundled curricula.

The browser tests (``tests/browser/test_scorm_browser.py``) play the package in a
strict SCORM 1.2 runtime; these read the zip: its files, the manifest's
structure, that the launch page is the learner's single file with the
reporting script, the same bytes twice, the command's output and its refusals.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import zipfile
from html import unescape
from pathlib import Path

import esprima  # type: ignore[import-untyped]
import pytest
from support.helpers import CONTOH, FIXTURES, ROOT, make_project
from support.scorm import manifest_problems

from generator.cli import main
from generator.outputs.export import ExportRequest
from generator.outputs.scorm import ScormReport, export_scorm
from generator.outputs.single import export_html
from generator.outputs.single_page import ASSETS, SCORM_SCRIPT

pytestmark = pytest.mark.slow

LATIHAN = FIXTURES / "single" / "latihan"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("scorm") / "project", LATIHAN, CONTOH)


@pytest.fixture(scope="module")
def packages(project: Path) -> ScormReport:
    return export_scorm(ExportRequest(project / "mkdocs.yml", output=project / "out"))


def files_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def scripts_of(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)


def test_one_package_per_curriculum_with_a_manifest_and_the_launch_page(
    project: Path, packages: ScormReport
) -> None:
    assert [p.path for p in packages.packages] == [
        project / "out" / "contoh-scorm.zip",
        project / "out" / "latihan-scorm.zip",
    ]
    for package in packages.packages:
        with zipfile.ZipFile(package.path) as archive:
            names = [info.filename for info in archive.infolist()]
            assert names == ["imsmanifest.xml", "index.html"]
            assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            assert manifest_problems(archive.read("imsmanifest.xml"), set(names)) == []
        assert package.size == package.path.stat().st_size


def test_the_launch_page_is_the_single_file_with_the_reporter(
    project: Path, packages: ScormReport
) -> None:
    single = export_html(ExportRequest(project / "mkdocs.yml", ("latihan",), output=project / "h"))
    plain = single.files[0].path.read_text(encoding="utf-8")
    launch = files_of(packages.packages[1].path)["index.html"].decode("utf-8")
    reporter = (ASSETS / SCORM_SCRIPT).read_text(encoding="utf-8").strip()
    assert scripts_of(launch) == [*scripts_of(plain), reporter]  # the reporter last
    assert reporter not in plain
    assert "berdaya-scorm" not in plain
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', launch)
    assert policy is not None
    hashes = re.findall(r"'sha256-([^']+)'", unescape(policy.group(1)))
    expected = [
        base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        for s in scripts_of(launch)  # the head's script first
    ]
    assert hashes == expected
    found = re.search(r'<div class="berdaya-scorm" hidden data-scorm="([^"]+)"></div>', launch)
    assert found is not None
    data = json.loads(unescape(found.group(1)))
    assert data["modules"] == [{"id": "dasar", "pass": 70}, {"id": "lanjut", "pass": 70}]
    without = re.sub(r'<div class="berdaya-scorm"[^>]*></div>\n', "", launch)
    without = without.replace(f"<script>{reporter}</script>\n", "")
    without = without.replace(f" &#39;sha256-{expected[-1]}&#39;", "")
    assert without == plain


def test_the_reporter_parses_as_es2017_and_keeps_to_the_device_script() -> None:
    text = (ASSETS / SCORM_SCRIPT).read_text(encoding="utf-8")
    esprima.parseScript(text)
    assert "localStorage" not in text
    assert "window.name" not in text
    assert "fetch(" not in text
    assert "XMLHttpRequest" not in text


def test_the_same_content_gives_the_same_bytes(project: Path, packages: ScormReport) -> None:
    again = export_scorm(ExportRequest(project / "mkdocs.yml", output=project / "again"))
    for first, second in zip(packages.packages, again.packages, strict=True):
        assert first.path.read_bytes() == second.path.read_bytes()


def test_cli_prints_each_package(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["export", "latihan", "--format", "scorm", "-o", "lms/kas.zip"]) == 0
    size = Path("lms/kas.zip").stat().st_size
    assert capsys.readouterr().out == (
        f"wrote lms/kas.zip: {size / 1000:.1f} kB, SCORM 1.2 package "
        "(imsmanifest.xml, index.html)\n"
    )
    assert sorted(p.name for p in Path("lms").iterdir()) == ["kas.zip"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--audience", "trainer"],
            (
                "--format scorm makes the learner's copy: --audience trainer is not available "
                "(trainers use --format html --audience trainer)"
            ),
        ),
        (
            ["-o", "both.zip"],
            (
                "-o both.zip names one file, but 2 curricula are exported: "
                "name a folder, or one curriculum"
            ),
        ),
        (
            ["latihan", "-o", "mkdocs.yml"],
            (
                "-o mkdocs.yml is a file: name a folder for the packages "
                "(or a file ending in .zip when exporting one curriculum)"
            ),
        ),
        (
            ["latihan", "-o", "content/latihan.zip"],
            "content/latihan.zip is inside the content folder: write it elsewhere",
        ),
    ],
)
def test_cli_usage_mistakes_exit_2_in_one_line_and_write_nothing(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(project)
    before = sorted(p.name for p in project.rglob("*"))
    assert main(["export", "--format", "scorm", *args]) == 2
    assert capsys.readouterr().err == f"berdaya export: error: {message}\n"
    assert sorted(p.name for p in project.rglob("*")) == before


def test_the_bundled_packages(tmp_path: Path) -> None:
    """Every bundled curriculum as a package: a valid manifest, at most 200 kB."""
    report = export_scorm(ExportRequest(ROOT / "mkdocs.yml", output=tmp_path))
    assert len(report.packages) == len(list((ROOT / "content").glob("*/curriculum.yml")))
    for package in report.packages:
        files = files_of(package.path)
        assert manifest_problems(files["imsmanifest.xml"], set(files)) == []
        assert package.size <= 200_000, package.path.name
