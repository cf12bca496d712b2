"""``berdaya export --format html``: real builds of the fixtures, one file per curriculum.

The browser tests (``tests/browser/test_single_browser.py``) open the files;
these read them as text: what is in a learner's and a trainer's file, that
nothing refers to another file, the script hashes, the same bytes twice, the
command's output, and every kind of bad request.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import esprima  # type: ignore[import-untyped]
import pytest
from support.helpers import FIXTURES, LATIHAN_VIEWS, ROOT, build, make_project

from generator.cli import main
from generator.exceptions import UsageError
from generator.outputs.export import ExportRequest
from generator.outputs.offline import scan_html
from generator.outputs.report import friendly_size, html_lines
from generator.outputs.single import HtmlReport, SingleFile, export_html, output_paths
from generator.outputs.single_page import ASSETS, ONLY_WITH, SCORM_SCRIPT, SCRIPTS, view_key
from generator.outputs.views import local_references

pytestmark = pytest.mark.slow

LATIHAN = FIXTURES / "single" / "latihan"
CONTOH = FIXTURES / "mini" / "contoh"
LEARNER_VIEWS = [*LATIHAN_VIEWS[1:], "/"]
"""The views in the file: the curriculum page comes last."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("single") / "project", LATIHAN, CONTOH)


def _export(project: Path, *ids: str, audience: str = "learner", out: str = "out") -> HtmlReport:
    request = ExportRequest(project / "mkdocs.yml", ids, audience, project / out)  # type: ignore[arg-type]
    return export_html(request)


@pytest.fixture(scope="module")
def learner(project: Path) -> HtmlReport:
    return _export(project)


@pytest.fixture(scope="module")
def trainer(project: Path) -> HtmlReport:
    return _export(project, audience="trainer")


def text_of(report: HtmlReport, curriculum: str) -> str:
    file = next(f for f in report.files if f.curriculum == curriculum)
    return file.path.read_text(encoding="utf-8")


class _Sections(HTMLParser):
    """The ids of the views and the text of the inline scripts, in file order."""

    def __init__(self) -> None:
        super().__init__()
        self.views: list[str] = []
        self.scripts: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and "b-view" in (values.get("class") or ""):
            self.views.append(values["id"] or "")
        if tag == "script" and values.get("type") is None:
            self._script = []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None


def sections(html: str) -> _Sections:
    parser = _Sections()
    parser.feed(html)
    return parser


def test_one_file_per_curriculum_in_the_folder(project: Path, learner: HtmlReport) -> None:
    assert sorted(p.name for p in (project / "out").iterdir()) == ["contoh.html", "latihan.html"]
    assert [f.curriculum for f in learner.files] == ["contoh", "latihan"]
    latihan = learner.files[1]
    assert latihan.size == latihan.path.stat().st_size
    data = latihan.path.read_bytes()
    assert latihan.gzipped == len(gzip.compress(data, compresslevel=9, mtime=0))
    assert latihan.views == len(LEARNER_VIEWS)


def test_the_learner_file_has_every_page_but_no_guide(learner: HtmlReport) -> None:
    html = text_of(learner, "latihan")
    assert sections(html).views == LEARNER_VIEWS, "the curriculum page comes last"
    for text in ("Buku kas harian", "Latihan mencatat kas warung", "Selisih harga jual dan HPP"):
        assert text in html
    assert "Panduan pelatih" not in html
    assert "Kunci jawaban" not in html
    assert "buku-peserta" not in html, "printable pages stay out"


def test_the_trainer_file_adds_the_guide_with_answer_keys(trainer: HtmlReport) -> None:
    file = next(f for f in trainer.files if f.curriculum == "latihan")
    assert file.path.name == "latihan-pelatih.html"
    html = file.path.read_text(encoding="utf-8")
    sheets = [
        f"/panduan/lembar/{name}"
        for name in (
            "",
            "daftar-hadir/",
            "daftar-peserta/",
            "nilai-tes/",
            "umpan-balik/",
            "sertifikat/",
        )
    ]
    guide = ["/panduan/", *sheets, "/panduan/hasil/"]
    assert sections(html).views == [*LEARNER_VIEWS[:-1], *guide, "/"]
    assert "Kunci jawaban" in html
    assert 'href="#/dasar/#latihan-catat"' in html, "session plans link to the activity"
    assert 'href="#/panduan/hasil/"' in html, "the guide links to the results page"
    assert 'href="#/panduan/lembar/"' in html, "the guide links to its printable sheets"
    assert file.views == len(LEARNER_VIEWS) + len(guide)


def test_nothing_refers_to_another_file_or_host(learner: HtmlReport, trainer: HtmlReport) -> None:
    for report in (learner, trainer):
        for file in report.files:
            html = file.path.read_text(encoding="utf-8")
            assert local_references(html) == []
            assert [f for f in scan_html(file.path.name, html) if f.is_error] == []
            assert "<link" not in html
            assert ' src="data:image/svg+xml,' in html or file.curriculum == "contoh"


def test_media_and_worksheets_are_inside(learner: HtmlReport) -> None:
    html = text_of(learner, "latihan")
    assert 'alt="Koin" src="data:image/svg+xml,%3Csvg' in html
    worksheet = base64.b64encode((LATIHAN / "media" / "lembar-kerja.txt").read_bytes()).decode()
    assert f'href="data:text/plain;base64,{worksheet}" download="lembar-kerja.txt"' in html


def test_only_our_scripts_run_by_their_hashes(learner: HtmlReport) -> None:
    html = text_of(learner, "latihan")
    scripts = sections(html).scripts
    assert len(scripts) == 1 + len(SCRIPTS) - len(ONLY_WITH)  # no results page, no sheets
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert policy is not None
    csp = unescape(policy.group(1))
    hashes = re.findall(r"'sha256-([^']+)'", csp)
    expected = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts]
    assert hashes == expected
    assert "default-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1]


def test_only_the_trainer_file_runs_the_tally(learner: HtmlReport, trainer: HtmlReport) -> None:
    tally = (ASSETS / "berdaya-tally.js").read_text(encoding="utf-8").strip()
    printing = (ASSETS / "berdaya-print.js").read_text(encoding="utf-8").strip()
    assert tally not in text_of(learner, "latihan")
    assert printing not in text_of(learner, "latihan")
    trainer_scripts = sections(text_of(trainer, "latihan")).scripts
    assert len(trainer_scripts) == 1 + len(SCRIPTS)
    assert tally in trainer_scripts
    assert printing in trainer_scripts  # its sheets have a print button


def test_the_scripts_parse_as_es2017_for_chrome_80() -> None:
    """Chrome 80 (Android, 2020) runs ES2019; esprima rejects anything newer than ES2017."""
    newer = re.compile(  # APIs that came after Chrome 80
        r"\.replaceAll\(|\.at\(|structuredClone|Object\.hasOwn|replaceChildren|\.findLast|"
        r"\.toSorted|\.toReversed|Promise\.any|WeakRef|\?\?=|\|\|=|&&="
    )
    with pytest.raises(esprima.Error):  # the check can fail: optional chaining is ES2020
        esprima.parseScript("var a = b?.c;")
    assert newer.findall("s.replaceAll('a', 'b')")
    for name in (*SCRIPTS, SCORM_SCRIPT):
        text = (ASSETS / name).read_text(encoding="utf-8")
        esprima.parseScript(text)
        assert newer.findall(text) == [], name


def test_progress_is_kept_per_curriculum_and_version(learner: HtmlReport) -> None:
    html = text_of(learner, "latihan")
    assert '<meta name="berdaya-site" content="Berdaya">' in html
    assert '<meta name="berdaya-version" content="2.1">' in html
    assert "<title>Latihan Ponsel</title>" in html


def test_the_same_content_gives_the_same_bytes(project: Path, learner: HtmlReport) -> None:
    again = _export(project, out="again")
    for first, second in zip(learner.files, again.files, strict=True):
        assert first.path.read_bytes() == second.path.read_bytes()


def test_cli_prints_size_and_a_message_to_forward(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["export", "latihan", "--format", "html"]) == 0
    out = capsys.readouterr().out.splitlines()
    file = Path("dist/latihan.html")
    size, gzipped = file.stat().st_size, len(gzip.compress(file.read_bytes(), 9, mtime=0))
    assert out[0] == (
        f"wrote dist/latihan.html: {size / 1000:.1f} kB ({gzipped / 1000:.1f} kB gzipped), 11 pages"
    )
    assert out[1] == "  Pesan untuk dikirim bersama file ini:"
    assert out[2] == (
        f"  Materi pelatihan “Latihan Ponsel” ada di file latihan.html ({round(size / 1000)} KB). "
        "Cara membuka: simpan file ini, ketuk file-nya, lalu pilih Chrome. Tidak perlu internet. "
        "Hasil kuis tersimpan di ponsel Anda, jadi selalu buka file yang sama "
        "dari tempat yang sama."
    )
    assert len(out) == 3


def test_cli_writes_one_curriculum_to_the_file_named(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["export", "contoh", "--format", "html", "-o", "hp/kursus.html"]) == 0
    assert Path("hp/kursus.html").is_file()
    assert sorted(p.name for p in Path("hp").iterdir()) == ["kursus.html"]
    assert capsys.readouterr().out.startswith("wrote hp/kursus.html: ")


def test_english_curricula_get_an_english_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_project(tmp_path / "en", FIXTURES / "quiz" / "practice"))
    assert main(["export", "--format", "html", "--audience", "trainer"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("wrote dist/practice-trainer.html: ")
    assert out[1] == "  A message to send with this file:"
    assert out[2].startswith("  The training material “Practice Curriculum” is in the file ")
    html = Path("dist/practice-trainer.html").read_text(encoding="utf-8")
    assert 'id="/basics/quiz/"' in html
    assert '<html lang="en">' in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "x.html"],
            (
                "-o x.html names one file, but 2 curricula are exported: "
                "name a folder, or one curriculum"
            ),
        ),
        (
            ["-o", "mkdocs.yml"],
            (
                "-o mkdocs.yml is a file: name a folder for the HTML files "
                "(or a file ending in .html when exporting one curriculum)"
            ),
        ),
        (["kebun"], "no curriculum 'kebun' in content/ (known: contoh, latihan)"),
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
    before = sorted(p.name for p in project.iterdir())
    assert main(["export", "--format", "html", *args]) == 2
    assert capsys.readouterr().err == f"berdaya export: error: {message}\n"
    assert sorted(p.name for p in project.iterdir()) == before


def test_cli_rejects_an_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "pdf"]) == 2
    assert capsys.readouterr().err == (
        "berdaya export: error: Invalid value for '--format': 'pdf' is not one of 'zip', "
        "'html', 'scorm', 'zim' (see berdaya export --help)\n"
    )


def with_lesson_line(folder: Path, line: str) -> Path:
    """A project of the fixture whose lesson 'harga-jual' starts with ``line`` (at line 12)."""
    project = make_project(folder, LATIHAN)
    module = project / "content" / "latihan" / "modules" / "lanjut.yml"
    text = module.read_text(encoding="utf-8")
    old = "      Harga jual = HPP + margin."
    module.write_text(text.replace(old, f"      {line}\n\n{old}"), encoding="utf-8")
    return project


def test_a_lesson_with_a_remote_image_fails_with_its_yaml_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = with_lesson_line(tmp_path / "remote", "![Pasar](https://example.org/pasar.jpg)")
    (project / "dist").mkdir()
    previous = '<!doctype html><meta name="generator" content="Berdaya">the previous file'
    (project / "dist" / "latihan.html").write_text(previous, encoding="utf-8")
    monkeypatch.chdir(project)
    assert main(["export", "--format", "html"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        "content/latihan/modules/lanjut.yml:12:16: error: latihan/lanjut/harga-jual.html: "
        "<img src> loads https://example.org/pasar.jpg from the network; "
        "put the file in the curriculum's media/ folder, or make it a plain link"
    )
    assert lines[-1] == (
        "berdaya export: error: 1 reference(s) to the network; an offline copy cannot load them"
    )
    assert Path("dist/latihan.html").read_text(encoding="utf-8") == previous


def test_content_errors_are_reported_before_anything_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "broken", LATIHAN)
    module = project / "content" / "latihan" / "modules" / "lanjut.yml"
    module.write_text(
        module.read_text("utf-8").replace("minutes: 30\n", "minutes: tiga\n"), "utf-8"
    )
    monkeypatch.chdir(project)
    assert main(["export", "--format", "html"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/latihan/modules/lanjut.yml:4:10: error: minutes: ")
    assert not Path("dist").exists()


def test_raw_html_that_refers_to_a_file_beside_it_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = with_lesson_line(tmp_path / "beside", '<img src="../../foto.png">')
    monkeypatch.chdir(project)
    assert main(["export", "--format", "html"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == (
        "content/latihan/modules/lanjut.yml:12:17: error: latihan/lanjut/harga-jual.html: "
        "<img src> names ../../foto.png, which cannot go into the single file; "
        "put the file in the curriculum's media/ folder"
    )
    assert lines[-1] == "berdaya export: error: 1 reference(s) to files beside the page"
    assert not Path("dist").exists()


def test_output_paths() -> None:
    class C:
        def __init__(self, id_: str, language: str = "id") -> None:
            self.id, self.language = id_, language

    one, two = [C("a")], [C("a"), C("b", "en")]
    request = ExportRequest(curricula=(), output=None)
    assert output_paths(request, two) == {"a": Path("dist/a.html"), "b": Path("dist/b.html")}  # type: ignore[arg-type]
    trainer = ExportRequest(audience="trainer", output=Path("kit"))
    assert output_paths(trainer, two) == {  # type: ignore[arg-type]
        "a": Path("kit/a-pelatih.html"),
        "b": Path("kit/b-trainer.html"),
    }
    named = ExportRequest(output=Path("hp/Kursus.HTML"))
    assert output_paths(named, one) == {"a": Path("hp/Kursus.HTML")}  # type: ignore[arg-type]
    with pytest.raises(UsageError):
        output_paths(named, two)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("contoh/index.md", "/"),
        ("contoh/harga/index.md", "/harga/"),
        ("contoh/harga/hpp.md", "/harga/hpp/"),
        ("contoh/harga/kuis.md", "/harga/kuis/"),
        ("contoh/glosarium.md", "/glosarium/"),
        ("contoh/index-harga/index.md", "/index-harga/"),
        ("contoh/harga/reindex.md", "/harga/reindex/"),
    ],
)
def test_view_key(path: str, key: str) -> None:
    assert view_key(path, "contoh") == key


def test_a_folder_named_like_a_file_is_a_folder(tmp_path: Path, project: Path) -> None:
    target = tmp_path / "kursus.html"
    target.mkdir()
    report = _export(project, "latihan", out=str(target))
    assert report.files[0].path == target / "latihan.html"


def test_the_bundled_learner_files_are_small(tmp_path: Path) -> None:
    """Issue 10's budget: the largest bundled curriculum's file at most 700 kB, 150 kB gzipped."""
    report = export_html(ExportRequest(ROOT / "mkdocs.yml", output=tmp_path))
    assert len(report.files) == len(list((ROOT / "content").glob("*/curriculum.yml")))
    for file in report.files:
        assert file.size <= 700_000, file.path.name
        assert file.gzipped <= 150_000, file.path.name
        assert file.unlinked == [], file.path.name


def test_the_report_warns_of_links_kept_as_text_and_files_over_budget(tmp_path: Path) -> None:
    file = SingleFile(
        tmp_path / "kebun.html", "kebun", "Kebun", "en", 2_500_000, 400_000, 12, ["../x.html"]
    )
    assert html_lines([file], budget=1_000_000)[3:] == [
        (
            "warning: kebun.html: 1 link(s) lead to pages that are not in the file and are kept "
            "as text: ../x.html"
        ),
        (
            "warning: kebun.html is 2.5 MB, over the budget of 1.0 MB: "
            "large media files are the usual cause"
        ),
    ]
    assert "(2.5 MB)." in html_lines([file])[2]
    assert friendly_size(1_250_000, "id") == "1,2 MB"
    assert friendly_size(400, "id") == "1 KB"


def test_an_export_leaves_the_links_of_a_later_build_alone(tmp_path: Path) -> None:
    """MkDocs keeps plugin instances from one load to the next: the export's switch must not."""
    pair = [
        ROOT / "content" / "community-participation",
        ROOT / "content" / "partisipasi-masyarakat",
    ]
    project = make_project(tmp_path / "project", *pair)
    request = ExportRequest(project / "mkdocs.yml", (), "learner", tmp_path / "out")  # type: ignore[arg-type]
    export_html(request)
    site = build(project)
    page = site / "community-participation" / "running-community-meetings" / "index.html"
    assert 'hreflang="id">Read in Bahasa Indonesia</a>' in page.read_text(encoding="utf-8")
