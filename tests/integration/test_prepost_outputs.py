"""The pre-test and post-test in real builds: pages, and no answer key in any learner output.

The mini curriculum is built as a learner and a trainer site (``mkdocs build
--strict``), exported as learner and trainer zips and single files. Every file
of every learner output is searched for the tests' answer keys: each test's key
as the trainer's page carries it, the explanations of the tests' own questions
(shown only in the trainer's answer key) and the answer sheet's markup. The
same search finds them in the trainer's outputs: the check can fail.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from html import unescape
from pathlib import Path

import pytest
from support.helpers import CONTOH, make_project

from generator.content.check import read_project
from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource, find_curricula
from generator.outputs.export import ExportRequest, export
from generator.outputs.mkdocs_site import build_site
from generator.outputs.single import export_html

Outputs = dict[str, dict[str, bytes]]


def files_below(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    """Every file of each output, by output: sites, unzipped zips, single files."""
    root = tmp_path_factory.mktemp("prepost-outputs")
    project = make_project(root / "project", CONTOH)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    learner_config = project / "mkdocs-learner.yml"
    learner_config.write_text(
        text.replace(
            "      content_dir: content\n", "      content_dir: content\n      audience: learner\n"
        ),
        encoding="utf-8",
    )
    found: Outputs = {
        "site-learner": files_below(
            build_site(learner_config, project / "site-learner", strict=True)
        ),
        "site-trainer": files_below(build_site(config, project / "site-trainer", strict=True)),
    }
    for audience in ("learner", "trainer"):
        zipped = export(ExportRequest(config, (), audience, root / f"{audience}.zip"))  # type: ignore[arg-type]
        with zipfile.ZipFile(zipped.path) as archive:
            archive.extractall(root / f"zip-{audience}")
        found[f"zip-{audience}"] = files_below(root / f"zip-{audience}")
        single = export_html(ExportRequest(config, (), audience, root / f"single-{audience}"))  # type: ignore[arg-type]
        found[f"single-{audience}"] = {single.files[0].path.name: single.files[0].path.read_bytes()}
    shutil.rmtree(project / "site-learner")  # nothing else is read from the project
    return found


@pytest.fixture(scope="module")
def contoh() -> CurriculumSource:
    return read_project(find_curricula([CONTOH])).curricula[0]


def key_markers(c: CurriculumSource) -> list[str]:
    """What only an answer key of the tests holds."""
    markers = ["berdaya-test-key", "berdaya-test-paper"]
    for test in resolve_tests(c).values():
        markers.append(json.dumps(test.keys, separators=(",", ":")))
        markers += [
            q.question.explanation
            for q in test.questions
            if q.ref is None and q.question.explanation
        ]
    return markers


def leaks(files: dict[str, bytes], markers: list[str]) -> list[tuple[str, str]]:
    """``(file, marker)`` for each marker in each file, read as text with escapes undone."""
    found = []
    for name, data in sorted(files.items()):
        text = unescape(data.decode("utf-8", errors="ignore")).replace('\\"', '"')
        found += [(name, marker) for marker in markers if marker in text]
    return found


def test_the_markers_are_the_keys_and_explanations(contoh: CurriculumSource) -> None:
    markers = key_markers(contoh)
    assert '[{"type":"single","correct":[0],"points":1},' in markers[2]
    assert "Sembilan ribu ditambah tiga ribu menjadi dua belas ribu." in markers
    assert len(markers) == 2 + 2 + 2  # the sheet's classes, two keys, two explanations


@pytest.mark.parametrize("output", ["site-learner", "zip-learner", "single-learner"])
def test_no_learner_output_holds_a_key_of_the_tests(
    outputs: Outputs, contoh: CurriculumSource, output: str
) -> None:
    files = outputs[output]
    assert len(files) >= 1
    assert leaks(files, key_markers(contoh)) == []


@pytest.mark.parametrize("output", ["site-trainer", "zip-trainer", "single-trainer"])
def test_the_same_search_finds_the_keys_in_trainer_outputs(
    outputs: Outputs, contoh: CurriculumSource, output: str
) -> None:
    found = leaks(outputs[output], key_markers(contoh))
    expected = set(key_markers(contoh))
    if output == "single-trainer":  # printable pages (the papers) are not views of the file
        expected.remove("berdaya-test-paper")
    assert {marker for _, marker in found} == expected


def test_the_trainer_site_has_the_keys_where_they_belong(
    outputs: Outputs, contoh: CurriculumSource
) -> None:
    pre_key = key_markers(contoh)[2]
    files = {name for name, marker in leaks(outputs["site-trainer"], [pre_key])}
    assert files == {"contoh/tes-awal/index.html", "contoh/panduan/hasil/index.html"}


def test_the_test_pages_are_in_every_output(outputs: Outputs) -> None:
    learner_site, trainer_site = outputs["site-learner"], outputs["site-trainer"]
    for page in ("contoh/tes-awal/index.html", "contoh/tes-akhir/index.html"):
        assert page in learner_site
        assert page in trainer_site
    assert "contoh/panduan/hasil/index.html" in trainer_site
    assert not [name for name in learner_site if "panduan" in name]
    learner_zip, trainer_zip = outputs["zip-learner"], outputs["zip-trainer"]
    assert {"learner/contoh/tes-awal.html", "learner/contoh/tes-akhir.html"} <= set(learner_zip)
    assert "trainer/contoh/panduan/hasil.html" in trainer_zip
    assert not [name for name in learner_zip if "panduan" in name]
    learner_file = outputs["single-learner"]["contoh.html"].decode("utf-8")
    trainer_file = outputs["single-trainer"]["contoh-pelatih.html"].decode("utf-8")
    for view in ('id="/tes-awal/"', 'id="/tes-akhir/"'):
        assert view in learner_file
        assert view in trainer_file
    assert 'id="/panduan/hasil/"' in trainer_file
    assert 'id="/panduan/hasil/"' not in learner_file


def test_the_curriculum_page_links_the_tests_and_offers_to_send(outputs: Outputs) -> None:
    page = outputs["site-learner"]["contoh/index.html"].decode("utf-8")
    assert 'href="tes-awal/"' in page
    assert 'href="tes-akhir/"' in page
    assert 'class="berdaya-send"' in page
    zipped = outputs["zip-learner"]["learner/contoh/index.html"].decode("utf-8")
    assert 'href="tes-awal.html"' in zipped
    single = outputs["single-learner"]["contoh.html"].decode("utf-8")
    assert 'href="#/tes-awal/"' in single


def test_the_tests_stay_out_of_the_search_index(outputs: Outputs) -> None:
    index = outputs["site-learner"]["search/search_index.json"].decode("utf-8")
    assert "Berapa harga jualnya" not in index
    assert "Mana yang dicatat sebagai uang keluar" not in index


def test_the_single_file_menu_puts_the_tests_around_the_modules(outputs: Outputs) -> None:
    html = outputs["single-learner"]["contoh.html"].decode("utf-8")
    menu = html[html.index('<nav class="b-menu__panel"') : html.index("</nav>")]
    links = re.findall(r'href="#(/[^"]*)"', menu)
    assert links[:3] == ["/", "/tes-awal/", "/harga/"]
    assert links[links.index("/catatan/kuis/") + 1 :] == ["/tes-akhir/", "/glosarium/"]
