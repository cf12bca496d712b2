"""``berdaya results``: the tally of text files on the command line, and every bad input."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
from pathlib import Path

import pytest
from support.helpers import CONTOH, make_project
from support.results import kedai, vectors

from generator.cli import main
from generator.content.check import check
from generator.results.code import encode, from_storage
from generator.results.spec import curriculum_spec, send_data

CHAT, MIXED, CHAT_EN = (case for case in vectors("tally"))
DAMAGED = (
    "chat.txt:6:24: warning: DEWI LESTARI: the code is damaged (a character changed): "
    "ask the learner to send it again: BDY1/DEWI-LESTARI/+Q7$F17D3NG0054F23C0J5/"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = make_project(tmp_path / "proyek", kedai())
    monkeypatch.chdir(root)
    (root / "chat.txt").write_text(CHAT["text"], encoding="utf-8")
    return root


def berdaya(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    """Exit code, standard output, and the lines of standard error."""
    code = main(list(args))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err.splitlines()


def test_the_table_of_a_whatsapp_chat(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = berdaya(capsys, "results", "chat.txt")
    assert code == 0
    assert out == (
        "Kedai Kopi: 2 peserta\n"
        "\n"
        "Nama          Tanggal     Tes awal  Tes akhir  Kenaikan  M1     M2    M3    "
        "Demonstrasi keterampilan\n"
        "BUDI SANTOSO  2025-03-15  38%       88%        +50       100 ✓  80 ✓  85 ✓\n"
        "SITI AMINAH   2025-03-14  63%       100%       +37       90 ✓   65 ✗  —\n"
        "\n"
        "M1: Modal Usaha (lulus ≥ 70%)\n"
        "M2: Catatan Kas (lulus ≥ 70%)\n"
        "M3: Harga Jual (lulus ≥ 80%)\n"
    )
    assert err == [DAMAGED]


def test_csv_is_the_csv_of_the_tally_page(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = berdaya(capsys, "results", "--format", "csv", "chat.txt")
    assert (code, out, err) == (0, CHAT["csv"], [DAMAGED])


def test_every_problem_is_listed_on_its_own_line(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "semua.txt").write_text(MIXED["text"], encoding="utf-8")
    code, out, err = berdaya(capsys, "results", "semua.txt")
    assert code == 0
    assert "Kedai Kopi: 3 peserta" in out
    siti = "BDY1/SITI-AMINAH/+Q7$F15D3OBN6054B13G54F23O-EO"
    assert err == [
        f"semua.txt:2:12: warning: SITI AMINAH: the same code again (counted once): {siti}",
        (
            "semua.txt:3:21: warning: BUDI SANTOSO: replaced by a newer code with the same name: "
            "BDY1/BUDI-SANTOSO/+Q7$F1593M10055D20P0/QU"
        ),
        "semua.txt:4:6: warning: ANI: a code of another curriculum: BDY1/ANI/203RP15D2002340L86",
        (
            "semua.txt:5:6: warning: EKO: a code of another version of this curriculum: "
            "the learner uses another file: BDY1/EKO/+Q7GR15D3NB000047C"
        ),
        (
            "semua.txt:11:12: warning: SITI AMINAH: the code is cut short: "
            f"ask the learner to send it again: {siti[:40]}"
        ),
        "semua.txt:12:7: warning: made by a newer Berdaya: get a newer trainer page: BDY2",
        (
            "semua.txt:13:7: warning: not a whole results code: "
            "ask the learner to send it again: BDY1/--/"
        ),
    ]
    assert [p["line"] for p in MIXED["problems"]] == [2, 3, 4, 5, 11, 12, 13]


def test_several_files_and_standard_input(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "dua.txt").write_text(MIXED["text"], encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(CHAT["text"].encode())))
    code, out, err = berdaya(capsys, "results", "dua.txt", "-")
    assert code == 0
    assert "Kedai Kopi: 3 peserta" in out
    assert err[0].startswith("dua.txt:2:12: warning: SITI AMINAH: the same code again")
    assert err[-3:] == [
        (
            "<stdin>:4:1: warning: SITI AMINAH: the same code again (counted once): "
            "BDY1/SITI-AMINAH/+Q7$F15D3OBN6054B13G54F23O-EO"
        ),
        (
            "<stdin>:5:36: warning: BUDI SANTOSO: the same code again (counted once): "
            "BDY1/BUDI-SANTOSO/+Q7$F15E3P1O1O655D20P54F24OCCO"
        ),
        DAMAGED.replace("chat.txt", "<stdin>"),
    ]


def test_a_utf16_export_is_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "chat16.txt").write_bytes(CHAT["text"].encode("utf-16"))
    code, out, _err = berdaya(capsys, "results", "chat16.txt")
    assert (code, out.splitlines()[0]) == (0, "Kedai Kopi: 2 peserta")


@pytest.mark.parametrize(
    ("args", "message", "exit_code"),
    [
        (
            ["nope.txt"],
            (
                "berdaya results: error: Invalid value for 'FILE...': "
                "File 'nope.txt' does not exist (see berdaya results --help)"
            ),
            2,
        ),
        (
            ["content"],
            (
                "berdaya results: error: Invalid value for 'FILE...': "
                "File 'content' is a directory (see berdaya results --help)"
            ),
            2,
        ),
        (
            [],
            "berdaya results: error: Missing argument 'FILE...' (see berdaya results --help)",
            2,
        ),
        (
            ["--format", "xlsx", "chat.txt"],
            (
                "berdaya results: error: Invalid value for '--format': "
                "'xlsx' is not one of 'text', 'csv' (see berdaya results --help)"
            ),
            2,
        ),
        (
            ["-c", "kebun", "chat.txt"],
            "berdaya results: error: no curriculum 'kebun' in content/ (known: kedai)",
            2,
        ),
        (
            ["-f", "lain.yml", "chat.txt"],
            "berdaya results: error: no configuration file lain.yml (name one with -f)",
            2,
        ),
        (
            ["kosong.txt"],
            "berdaya results: error: no results code (BDY1/...) in kosong.txt",
            1,
        ),
        (
            ["foto.jpg", "kosong.txt", "arsip.zip"],
            (
                "berdaya results: error: not a text file: foto.jpg, arsip.zip "
                "(give an exported chat, messages or a CSV)"
            ),
            1,
        ),
    ],
    ids=[
        "missing file",
        "a folder",
        "no file",
        "unknown format",
        "unknown curriculum",
        "no mkdocs.yml",
        "no code",
        "not text",
    ],
)
def test_bad_input_is_one_line(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
    exit_code: int,
) -> None:
    (project / "kosong.txt").write_text("Selamat pagi, Bu. Kodenya besok ya.\n", encoding="utf-8")
    (project / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (project / "arsip.zip").write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    code, out, err = berdaya(capsys, "results", *args)
    assert (code, out, err) == (exit_code, "", [message])


def test_only_broken_codes_is_an_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    damaged = CHAT["text"].splitlines()[5]
    (project / "rusak.txt").write_text(damaged + "\n", encoding="utf-8")
    code, out, err = berdaya(capsys, "results", "rusak.txt")
    assert (code, out) == (1, "")
    assert err == [
        DAMAGED.replace("chat.txt:6:", "rusak.txt:1:"),
        "berdaya results: error: none of the 1 results code(s) in rusak.txt can be counted",
    ]


def test_an_unreadable_file_is_named(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "chat.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    code, out, err = berdaya(capsys, "results", "chat.txt")
    assert (code, out) == (1, "")
    assert err == ["berdaya results: error: chat.txt: Permission denied (--debug shows more)"]


def test_csv_of_several_curricula_needs_a_choice(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(CONTOH, project / "content" / "contoh")
    contoh = next(c for c in check(project / "content")[0].curricula if c.id == "contoh")
    spec = curriculum_spec(contoh)
    other = encode(
        from_storage(send_data(spec), "Ani", {"harga": {"best": 90}}, None, dt.date(2025, 3, 1))
    )
    (project / "dua.txt").write_text(f"{CHAT['text']}\nAni: {other}\n", encoding="utf-8")
    code, out, err = berdaya(capsys, "results", "--format", "csv", "dua.txt")
    assert (code, out) == (2, "")
    assert err[-1] == (
        "berdaya results: error: codes of several curricula (contoh, kedai): "
        "choose one with --curriculum"
    )
    code, out, err = berdaya(capsys, "results", "--format", "csv", "-c", "kedai", "dua.txt")
    assert (code, out) == (0, CHAT["csv"])
    assert err[-1] == f"dua.txt:9:6: warning: ANI: a code of another curriculum: {other}"
    code, out, err = berdaya(capsys, "results", "dua.txt")
    assert code == 0
    assert out.startswith("Contoh Kurikulum: 1 peserta\n")
    assert "\nKedai Kopi: 2 peserta\n" in out
