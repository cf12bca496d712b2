"""``berdaya export``: real offline builds of the fixture, zipped and read back."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from support.helpers import make_project as plain_project
from support.helpers import make_web_project as make_project

from generator.cli import main
from generator.exceptions import UsageError
from generator.outputs.archive import ZIP_EPOCH, write_zip, zip_time
from generator.outputs.export import ExportRequest, export
from generator.outputs.report import ExportReport, megabytes, size_lines
from generator.site.generate import generate
from generator.site.plan import Options

ROOT = Path(__file__).resolve().parents[2]
CONTOH = ROOT / "tests" / "fixtures" / "mini" / "contoh"
REMOTE_IMAGE = "https://example.org/keripik.jpg"
REMOTE_VIDEO = "https://www.youtube.com/embed/abc"


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("export") / "project")


@pytest.fixture(scope="session")
def learner(project: Path) -> ExportReport:
    return export(ExportRequest(project / "mkdocs.yml", output=project / "out" / "kursus.zip"))


@pytest.fixture(scope="session")
def trainer(project: Path) -> ExportReport:
    request = ExportRequest(project / "mkdocs.yml", audience="trainer", output=project / "t.zip")
    return export(request)


def names(report: ExportReport) -> list[str]:
    with zipfile.ZipFile(report.path) as archive:
        return archive.namelist()


def read(report: ExportReport, name: str) -> str:
    with zipfile.ZipFile(report.path) as archive:
        return archive.read(f"{report.path.stem}/{name}").decode("utf-8")


def test_one_top_folder_holds_index_html(learner: ExportReport) -> None:
    entries = names(learner)
    assert {name.split("/", 1)[0] for name in entries} == {"kursus"}
    assert "kursus/index.html" in entries
    assert entries == sorted(entries)


def test_pages_are_files_because_file_urls_have_no_index_pages(learner: ExportReport) -> None:
    entries = names(learner)
    assert "kursus/contoh/harga/hpp.html" in entries
    assert "kursus/contoh/index.html" in entries
    assert not any(name.endswith("/hpp/index.html") for name in entries)
    assert 'href="harga/index.html"' in read(learner, "contoh/index.html")


def test_offline_search_assets_are_in_and_unused_files_are_out(learner: ExportReport) -> None:
    entries = [name.split("/", 1)[1] for name in names(learner)]
    assert "assets/berdaya/iframe-worker.js" in entries
    assert "jumlah semua" in read(learner, "search/search_index.js")
    unused = [
        name
        for name in entries
        if name.endswith(".map")
        or "/lunr/" in name  # the site searches in English: lunr needs no language files
        or name in {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}
    ]
    assert unused == []


def test_pages_use_system_fonts_the_local_shim_and_no_instant_navigation(
    learner: ExportReport,
) -> None:
    page = read(learner, "contoh/harga/hpp.html")
    assert "fonts.googleapis.com" not in page
    assert "unpkg.com" not in page
    assert "api.github.com" not in page
    assert "github.com/example" not in page, "the repository link is left out"
    shim = page.index('<script src="../../assets/berdaya/iframe-worker.js"></script>')
    assert shim < page.index("assets/javascripts/bundle.")
    config = json.loads(
        page.split('<script id="__config" type="application/json">')[1].split("<")[0]
    )
    assert "navigation.instant" not in config["features"]
    assert "search.highlight" in config["features"], "other features stay"


def test_the_shim_is_named_so_that_the_offline_plugin_adds_no_remote_one(
    learner: ExportReport,
) -> None:
    shim = read(learner, "assets/berdaya/iframe-worker.js")
    assert "IFrameWorker" in shim
    assert "http" not in shim.replace("https://unpkg.com/iframe-worker/shim", "")


def test_the_learner_copy_has_no_guide_and_the_trainer_copy_has_one(
    learner: ExportReport, trainer: ExportReport
) -> None:
    learner_pages = {name.split("/", 1)[1] for name in names(learner)}
    trainer_pages = {name.split("/", 1)[1] for name in names(trainer)}
    assert "contoh/panduan.html" in trainer_pages
    assert "contoh/panduan.html" not in learner_pages
    assert learner_pages < trainer_pages
    for name in learner_pages - {"assets/berdaya/iframe-worker.js"}:
        if name.endswith((".html", ".js")):
            assert "Balai desa" not in read(learner, name), f"guide text in {name}"
    assert "Balai desa" in read(trainer, "contoh/panduan.html")


def test_no_warnings_for_the_links_the_theme_adds(learner: ExportReport) -> None:
    assert learner.warnings == []
    for name in names(learner):
        if name.endswith(".html"):
            page = read(learner, name.split("/", 1)[1])
            assert "squidfunk.github.io" not in page, f"Material's footer link in {name}"


def test_the_same_content_gives_the_same_zip(project: Path, learner: ExportReport) -> None:
    again = export(ExportRequest(project / "mkdocs.yml", output=project / "again" / "kursus.zip"))
    assert again.path.read_bytes() == learner.path.read_bytes()
    with zipfile.ZipFile(again.path) as archive:
        assert {info.date_time for info in archive.infolist()} == {ZIP_EPOCH}


def test_zip_time_follows_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert zip_time() == (1980, 1, 1, 0, 0, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert zip_time() == (2023, 11, 14, 22, 13, 20)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert zip_time() == (1980, 1, 1, 0, 0, 0), "zip cannot store times before 1980"


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    for name in ("index.html", "a/b.html", "c.css"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(name, encoding="utf-8")
    return folder


@pytest.mark.parametrize("interruption", [OSError("disk full"), KeyboardInterrupt()])
def test_an_interrupted_export_leaves_the_previous_zip(
    small_site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    interruption: BaseException,
) -> None:
    target = tmp_path / "out" / "kursus.zip"
    write_zip(small_site, ["index.html", "a/b.html", "c.css"], target, "kursus")
    good = target.read_bytes()
    original = zipfile.ZipFile.writestr
    written: list[str] = []

    def fail_on_second(
        self: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes, **kw: int
    ) -> None:
        written.append(info.filename)
        if len(written) == 2:
            raise interruption
        original(self, info, data, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fail_on_second)
    with pytest.raises(type(interruption)):
        write_zip(small_site, ["index.html", "a/b.html", "c.css"], target, "kursus")
    assert target.read_bytes() == good
    assert sorted(p.name for p in target.parent.iterdir()) == ["kursus.zip"], "no temporary left"


def test_write_zip_sorts_entries_under_the_top_folder(small_site: Path, tmp_path: Path) -> None:
    target = tmp_path / "k.zip"
    entries = write_zip(small_site, ["index.html", "c.css", "a/b.html"], target, "k")
    assert [e.name for e in entries] == ["a/b.html", "c.css", "index.html"]
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist() == ["k/a/b.html", "k/c.css", "k/index.html"]
        assert archive.read("k/a/b.html") == b"a/b.html"


def test_size_report_names_zip_largest_files_and_curricula_over_budget(
    learner: ExportReport,
) -> None:
    lines = size_lines(learner, budget=1000, count=3)
    size = learner.curriculum_sizes()["contoh"]
    files = len(learner.entries)
    assert lines[0] == f"wrote {learner.path}: {megabytes(learner.size)}, {files} files"
    assert lines[1] == "largest files (compressed):"
    largest = learner.largest(3)
    assert largest[0].name.startswith("assets/javascripts/bundle.")
    assert lines[2:5] == [f"  {megabytes(e.compressed):>9}  {e.name}" for e in largest]
    over = f"warning: the export of 'contoh' is {megabytes(size)}, over the budget of 1.0 kB"
    assert lines[5:] == [f"{over}: large media files are the usual cause"]
    assert not any("budget" in line for line in size_lines(learner))
    assert size == sum(entry.compressed for entry in learner.entries), "one curriculum: all of it"


def test_megabytes() -> None:
    assert megabytes(4_321) == "4.3 kB"
    assert megabytes(5_250_000) == "5.2 MB"


def test_cli_exports_only_the_curricula_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(make_project(tmp_path / "two", "contoh", "kedua"))
    lessons = Path("content/kedua/modules/harga.yml")
    text = lessons.read_text(encoding="utf-8")
    text = text.replace("body: Harga jual = HPP + margin.", "body: '[Info](https://example.org/)'")
    lessons.write_text(text, encoding="utf-8")
    assert main(["export", "kedua", "--budget", "0.001"]) == 0
    err = capsys.readouterr().err
    target = Path("dist/kedua.zip")
    with zipfile.ZipFile(target) as archive:
        entries = archive.namelist()
    assert "kedua/kedua/harga/hpp.html" in entries
    assert not any(name.startswith("kedua/contoh/") for name in entries)
    assert "contoh/index.html" not in zipfile.ZipFile(target).read("kedua/index.html").decode()
    assert f"wrote dist/kedua.zip: {megabytes(target.stat().st_size)}, {len(entries)} files" in err
    assert "warning: the export of 'kedua' is" in err
    link = "  https://example.org/ (kedua/buku-peserta.html and 1 more page)"
    assert link in err
    assert "squidfunk" not in err, "no warning for the theme's footer link"


def test_cli_rejects_an_unknown_curriculum_in_one_line(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(project)
    assert main(["export", "contoh", "kebun"]) == 2
    captured = capsys.readouterr()
    assert (
        captured.err == "berdaya export: error: no curriculum 'kebun' in content/ (known: contoh)\n"
    )
    assert not Path("dist").exists()


def test_the_plugin_option_rejects_an_unknown_curriculum(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTOH, content / "contoh")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as caught:
        generate(content, tmp_path / "docs", options=Options(curricula=("kebun",)))
    assert str(caught.value) == "no curriculum 'kebun' in content/ (known: contoh)"
    assert not (tmp_path / "docs").exists()


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose lesson embeds a remote image and a video iframe (raw HTML, trusted)."""
    folder = make_project(tmp_path_factory.mktemp("remote") / "project")
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    trusted = "      content_dir: content\n      trusted_html: true\n"
    config.write_text(text.replace("      content_dir: content\n", trusted, 1), encoding="utf-8")
    module = folder / "content" / "contoh" / "modules" / "harga.yml"
    text = module.read_text(encoding="utf-8")
    old = "      HPP adalah jumlah semua **biaya** untuk membuat satu produk.\n"
    new = (
        f'{old}\n      ![Keripik]({REMOTE_IMAGE})\n\n      <iframe src="{REMOTE_VIDEO}"></iframe>\n'
    )
    module.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def _remote_errors(page: str) -> list[str]:
    source = "content/contoh/modules/harga.yml"
    hint = "put the file in the curriculum's media/ folder, or make it a plain link"
    image = f"{source}:15:18: error: {page}: <img src> loads {REMOTE_IMAGE}"
    video = f"{source}:17:20: error: {page}: <iframe src> loads {REMOTE_VIDEO}"
    return [f"{image} from the network; {hint}", f"{video} from the network; {hint}"]


def test_export_fails_on_a_lesson_with_remote_media(
    remote: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(remote)
    assert main(["export", "-o", "kursus.zip"]) == 1
    lines = capsys.readouterr().err.splitlines()
    for line in _remote_errors("contoh/harga/hpp.html"):
        assert line in lines
    errors = [line for line in lines if ": error: " in line and "berdaya export" not in line]
    assert all(line.startswith("content/contoh/modules/harga.yml:1") for line in errors), errors
    count = f"{len(errors)} reference(s) to the network"
    assert lines[-1] == f"berdaya export: error: {count}; an offline copy cannot load them"
    assert not Path("kursus.zip").exists()


def test_build_check_offline_reports_the_same_and_web_fonts(
    remote: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(remote)
    assert main(["build", "--check-offline", "-d", "web"]) == 1
    lines = capsys.readouterr().err.splitlines()
    for line in _remote_errors("contoh/harga/hpp/index.html"):
        assert line in lines
    others = len(list(Path("web").rglob("*.html"))) - 1
    font_hint = "set 'font: false' under 'theme:' in mkdocs.yml (system fonts)"
    font = "404.html: error: <link href> loads https://fonts.gstatic.com from the network"
    assert f"{font} (also on {others} more pages); {font_hint}" in lines
    repo = "404.html: error: repository link loads https://github.com/example/berdaya"
    repo_hint = "leave out repo_url for offline copies"
    assert f"{repo} from the network (also on {others} more pages); {repo_hint}" in lines


def test_build_check_offline_passes_a_site_that_loads_nothing_remote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = plain_project(tmp_path / "plain", CONTOH)
    lessons = folder / "content" / "contoh" / "modules" / "harga.yml"
    text = lessons.read_text(encoding="utf-8")
    text = text.replace("body: Harga jual = HPP + margin.", "body: '[Info](https://example.org/)'")
    lessons.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["build", "--check-offline"]) == 0
    err = capsys.readouterr().err
    assert "offline check: nothing is loaded from the network" in err
    assert "warning: 1 external link(s) open only with a connection:" in err
    assert "  https://example.org/ (contoh/buku-peserta/index.html and 2 more pages)" in err
    assert "squidfunk" not in err, "Material's footer link is no content's problem"


def test_cli_reports_content_errors_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_project(tmp_path / "broken")
    module = folder / "content" / "contoh" / "modules" / "harga.yml"
    module.write_text(module.read_text(encoding="utf-8") + "menit: 5\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["export"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("content/contoh/modules/harga.yml:")
    assert ": error: " in err
    assert "Traceback" not in err
    assert not Path("dist").exists()
