"""The printable sheets, rendered without a build: pages, headings, columns, rows, escaping."""

# ruff: noqa: RUF001 - age groups are written with an en dash, as the sheets show them

from __future__ import annotations

import re
from dataclasses import replace
from html import unescape
from pathlib import Path

import pytest
from conftest import Workspace

from generator.content import demonstration
from generator.content.check import read_project
from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource, find_curricula
from generator.exceptions import UsageError
from generator.site.plan import Options, plan_site
from generator.site.render import environment, render_page
from generator.site.sheet_options import PluginSheets, SheetOptions, sheet_options
from generator.site.sheets import observation_sheet, plan_sheets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROW = re.compile(r'<tr><td class="berdaya-col-no">(\d+)</td>')
WORKSHEET = """    worksheet:
      title: Lembar <b>HPP</b> & _semua_
      orientation: landscape
      intro: Isi **satu** baris per bahan.
      text: |
        HPP = Rp____ ÷ ____ bungkus
      table:
        columns: [Bahan, "Harga <i>(Rp)</i>"]
        rows: 3
        prefilled:
          - ["<script>alert(1)</script>", "9.000"]
          - [Minyak]
"""


def curriculum(root: Path, name: str) -> CurriculumSource:
    project = read_project(find_curricula([root]))
    assert [d.format() for d in project.diagnostics if d.severity.value == "error"] == []
    return next(c for c in project.curricula if c.id == name)


def pages(c: CurriculumSource, options: Options | None = None) -> dict[str, str]:
    """Every sheet page of a trainer build, rendered, by path."""
    plan = plan_site([c], options or Options())
    env = environment()
    return {
        p.path: render_page(p, env, c.folder.parent)
        for p in plan.pages
        if "/lembar/" in p.path
        or "/sheets/" in p.path
        or p.template in {"print_guide.md.j2", "book.md.j2"}
    }


@pytest.fixture
def warung() -> CurriculumSource:
    return curriculum(FIXTURES / "guide", "usaha-warung")


def with_worksheet(mini: Workspace) -> CurriculumSource:
    mini.edit(
        "modules/harga.yml",
        "    solution: HPP = Rp 9.000.\n",
        "    solution: HPP = Rp 9.000.\n" + WORKSHEET,
    )
    return curriculum(mini.root, "contoh")


def test_trainer_builds_have_every_sheet_under_the_guide(warung: CurriculumSource) -> None:
    plan = plan_site([warung], Options())
    paths = [p.path for p in plan.pages if "/lembar/" in p.path]
    assert paths == [
        f"usaha-warung/panduan/lembar/{name}.md"
        for name in (
            "index",
            "daftar-hadir",
            "daftar-peserta",
            "nilai-tes",
            "observasi",
            "umpan-balik",
            "sertifikat",
        )
    ]
    guide = next(
        i for i, item in enumerate(plan.nav[1]["Usaha Warung"]) if "Panduan pelatih" in item
    )
    sheets = plan.nav[1]["Usaha Warung"][guide + 1]
    assert list(sheets) == ["Lembar cetak"]
    assert sheets["Lembar cetak"][0] == "usaha-warung/panduan/lembar/index.md"
    learner = plan_site([warung], Options(include_guides=False))
    assert not [p for p in learner.pages if "/lembar/" in p.path]


def test_english_addresses(tmp_path: Path) -> None:
    c = curriculum(FIXTURES / "guide", "shop-basics")
    paths = {p.path for p in plan_site([c], Options()).pages}
    for name in (
        "attendance",
        "participants",
        "test-scores",
        "observation",
        "feedback",
        "certificate",
    ):
        assert f"shop-basics/guide/sheets/{name}.md" in paths


def test_attendance_has_a_page_per_day_with_the_reported_columns(warung: CurriculumSource) -> None:
    text = pages(warung)["usaha-warung/panduan/lembar/daftar-hadir.md"]
    assert text.count('<div class="berdaya-sheet-page') == 2  # two training days
    assert '<h1 class="berdaya-sheet-title">Daftar hadir</h1>' in text
    for heading in (
        "No.",
        "Nama",
        "Jenis kelamin",
        "Kelompok umur",
        "Tanda tangan",
        ">L<",
        ">P<",
        "&lt; 25",
        "25–44",
        "≥ 45",
    ):
        assert heading in text
    assert [int(n) for n in ROW.findall(text)] == list(range(1, 31)) * 2
    assert "Cetak halaman ini di kertas A4 mendatar. Baris kosong: 30." in text


def test_sheet_rows_sets_the_blank_rows(warung: CurriculumSource) -> None:
    options = Options(sheets=SheetOptions(rows=12))
    rendered = pages(warung, options)
    for name in ("daftar-hadir", "daftar-peserta", "nilai-tes", "observasi"):
        rows = ROW.findall(rendered[f"usaha-warung/panduan/lembar/{name}.md"])
        assert rows[:12] == [str(n) for n in range(1, 13)], name
        assert "13" not in rows, name


def test_participant_list_and_score_sheet_columns(warung: CurriculumSource) -> None:
    rendered = pages(warung)
    participants = rendered["usaha-warung/panduan/lembar/daftar-peserta.md"]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", participants)
    assert heads[-7:] == [
        "No.",
        "Nama",
        "L / P",
        "Umur",
        "Desa / alamat",
        "No. HP",
        "Pekerjaan / usaha",
    ]
    scores = rendered["usaha-warung/panduan/lembar/nilai-tes.md"]
    tests = {kind: test.points for kind, test in resolve_tests(warung).items()}
    assert f"Tes awal<br><small>maks. {tests['pre']}</small>" in scores
    assert f"Tes akhir<br><small>maks. {tests['post']}</small>" in scores
    assert "Kenaikan" in scores
    assert "Unjuk keterampilan<br><small>lulus / belum</small>" in scores
    assert len(ROW.findall(scores)) == 30


def test_observation_grid_has_a_column_per_criterion_and_the_pass_rule(
    warung: CurriculumSource,
) -> None:
    text = pages(warung)["usaha-warung/panduan/lembar/observasi.md"]
    demo = next(m.model.demonstration for m in warung.modules if m.model.demonstration)
    assert unescape(demonstration.pass_rule(demo, "id")) in unescape(text)
    heads = re.findall(r'<th class="berdaya-col-criterion">([^<]*)</th>', text)
    expected = [
        f"{i}. {c.title}{' ★' if c.critical else ''}" for i, c in enumerate(demo.criteria, 1)
    ]
    assert heads == expected
    assert "Skala: belum &lt; cukup &lt; baik." in text
    assert ">Lulus</th>" in text
    first = re.search(r"<tbody>\n(<tr>.*?</tr>)", text)
    assert first
    assert first.group(1).count("<td") == 2 + len(demo.criteria) + 1


def test_more_than_eight_criteria_are_numbered_and_listed(warung: CurriculumSource) -> None:
    demo = next(m.model.demonstration for m in warung.modules if m.model.demonstration)
    many = demo.model_copy(
        update={
            "criteria": [
                demo.criteria[0].model_copy(update={"id": f"c{i}", "title": f"Kriteria {i}"})
                for i in range(9)
            ]
        }
    )
    sheet = observation_sheet(warung, many, SheetOptions(), "", "observasi")
    view = sheet.data["observation"]
    assert view.numbered
    assert [c.number for c in view.columns] == list(range(1, 10))
    env = environment()
    html = str(env.globals["sheet_html"](sheet, 1, "id"))
    assert re.findall(r'<th class="berdaya-col-criterion">([^<]*)</th>', html) == [
        f"{i} ★" for i in range(1, 10)
    ]
    assert html.count("<li>Kriteria") == 9


def test_no_observation_grid_without_a_demonstration(mini: Workspace) -> None:
    c = curriculum(mini.root, "contoh")
    assert "observation" not in [s.kind for s in plan_sheets(c, SheetOptions())]


def test_worksheet_page_escapes_and_prefills(mini: Workspace) -> None:
    c = with_worksheet(mini)
    text = pages(c)["contoh/panduan/lembar/harga/hitung-keripik.md"]
    assert (
        '<section class="berdaya-sheet berdaya-sheet--landscape berdaya-sheet--worksheet"' in text
    )
    assert (
        '<h1 class="berdaya-sheet-title">Lembar &lt;b&gt;HPP&lt;/b&gt; &amp; _semua_</h1>' in text
    )
    assert "<th>Harga &lt;i&gt;(Rp)&lt;/i&gt;</th>" in text
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>9.000</td>" in text
    assert "<tr><td>Minyak</td><td></td></tr>" in text
    assert text.count("<tr><td></td><td></td></tr>") == 1  # rows: 3, two prefilled
    assert "<strong>satu</strong>" in text
    assert text.count('<span class="berdaya-blank"></span>') == 2
    assert "<script>" not in text
    assert "<b>" not in text


def test_worksheets_print_after_their_activity_in_the_learner_book(mini: Workspace) -> None:
    c = with_worksheet(mini)
    plan = plan_site([c], Options(include_guides=False))
    book = next(p for p in plan.pages if p.template == "book.md.j2")
    text = render_page(book, environment(), mini.root)
    activity = text.index("Menghitung HPP keripik")
    sheet = text.index('id="berdaya-sheet-harga-hitung-keripik"')
    assert (
        activity < sheet < text.index("## ", activity + 1)
        if "## " in text[activity:]
        else activity < sheet
    )
    assert '<h4 class="berdaya-sheet-title">' in text[sheet:]


def test_printable_guide_has_every_sheet(warung: CurriculumSource) -> None:
    text = next(v for k, v in pages(warung).items() if k.endswith("panduan-cetak.md"))
    assert "## Lembar cetak { #berdaya-sheets }" in text
    kinds = re.findall(r'data-sheet="(\w+)"', text)
    assert kinds == [
        "attendance",
        "participants",
        "scores",
        "observation",
        "feedback",
        "certificate",
    ]
    assert text.count('<h3 class="berdaya-sheet-title">') == 6


def test_feedback_form_in_the_curriculum_language(warung: CurriculumSource) -> None:
    text = pages(warung)["usaha-warung/panduan/lembar/umpan-balik.md"]
    assert text.count('<span class="berdaya-circle">') == 6 * 5
    assert "Waktu untuk praktik cukup." in text
    assert "9. Apa yang akan Anda lakukan setelah pelatihan ini?" in text
    english = curriculum(FIXTURES / "guide", "shop-basics")
    en = next(v for k, v in pages(english).items() if k.endswith("sheets/feedback.md"))
    assert "There was enough time for practice." in en


def test_certificate_with_organisation_and_logo(warung: CurriculumSource, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG")
    options = Options(sheets=SheetOptions(30, "Yayasan <Maju> & Co", logo))
    text = pages(warung, options)["usaha-warung/panduan/lembar/sertifikat.md"]
    assert '<p class="berdaya-certificate-name">Yayasan &lt;Maju&gt; &amp; Co</p>' in text
    assert (
        '<img class="berdaya-certificate-logo" '
        'src="../../../usaha-warung/panduan/lembar/organisation-logo.png" '
        'alt="Yayasan &lt;Maju&gt; &amp; Co" data-berdaya-media>'
    ) in text
    assert "Usaha Warung" in text
    plain = pages(warung)["usaha-warung/panduan/lembar/sertifikat.md"]
    assert "Nama lembaga:" in plain
    assert "<img" not in plain


@pytest.mark.parametrize(
    ("rows", "organisation", "message"),
    [
        ("30", None, "mkdocs.yml: sheet_rows: '30' is not a whole number from 1 to 200"),
        (True, None, "mkdocs.yml: sheet_rows: True is not a whole number from 1 to 200"),
        (0, None, "mkdocs.yml: sheet_rows: 0 is not a whole number from 1 to 200"),
        (
            30,
            "Yayasan",
            "mkdocs.yml: organisation: 'Yayasan' is not a mapping {name: ..., logo: ...}",
        ),
        (30, {"nama": "x"}, "mkdocs.yml: organisation: unknown key 'nama' (expected name, logo)"),
        (30, {"name": ""}, "mkdocs.yml: organisation.name: '' is not a name"),
        (
            30,
            {"name": "Y", "logo": "logo.png"},
            "mkdocs.yml: organisation.logo: no file logo.png beside mkdocs.yml",
        ),
        (
            30,
            {"name": "Y", "logo": "logo.txt"},
            (
                "mkdocs.yml: organisation.logo: logo.txt is not an image "
                "(.gif, .jpeg, .jpg, .png, .svg, .webp)"
            ),
        ),
    ],
)
def test_bad_sheet_options_are_usage_errors(
    tmp_path: Path, rows: object, organisation: object, message: str
) -> None:
    with pytest.raises(UsageError) as caught:
        Options.from_plugin(
            "id", "trainer", [], "after-pass", PluginSheets(rows, organisation, tmp_path)
        )
    assert str(caught.value) == message


def test_sheet_options_read(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg/>")
    read = sheet_options(PluginSheets(12, {"name": " Yayasan ", "logo": "logo.svg"}, tmp_path))
    assert read == SheetOptions(12, "Yayasan", (tmp_path / "logo.svg").resolve())
    assert replace(read, rows=30).rows == 30


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        (
            "        rows: 3\n",
            "        rows: 1\n",
            (
                "contoh/modules/harga.yml:47:11: error: activities[0].worksheet.table.prefilled: "
                "2 prefilled rows but the table has rows: 1; 'rows' counts the prefilled rows too"
            ),
        ),
        (
            "          - [Minyak]\n",
            "          - [Minyak, a, b]\n",
            (
                "contoh/modules/harga.yml:48:13: error: "
                "activities[0].worksheet.table.prefilled[1]: 3 cells but the table has 2 columns"
            ),
        ),
    ],
)
def test_worksheet_checks(mini: Workspace, old: str, new: str, line: str) -> None:
    with_worksheet(mini)
    mini.edit("modules/harga.yml", old, new)
    assert line in mini.lines()


def test_a_worksheet_needs_a_table_or_text(mini: Workspace) -> None:
    mini.edit(
        "modules/harga.yml",
        "    solution: HPP = Rp 9.000.\n",
        "    solution: HPP = Rp 9.000.\n    worksheet:\n      title: Kosong\n",
    )
    assert (
        "contoh/modules/harga.yml:37:5: error: activities[0].worksheet: "
        "a worksheet needs a 'table', a 'text' or both"
    ) in mini.lines()
