"""The results scripts: their words come from i18n (both languages), every key they use exists."""

from __future__ import annotations

import re

from generator.i18n import STRINGS
from generator.outputs.single_page import DEVICE_SCRIPT, RESULTS_SCRIPTS, SCRIPTS, STYLESHEETS
from generator.resources import ASSETS
from generator.site.quiz import SCRIPT_STRINGS

WIDGETS = ("berdaya-results.js", "berdaya-send.js", "berdaya-tally.js")
KEY = re.compile(r'"((?:results|progress)\.[a-z_.]+)"')


def code_of(name: str) -> str:
    """A script without its comments."""
    return re.sub(r"/\*.*?\*/", "", (ASSETS / name).read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_scripts_write_no_words_of_their_own() -> None:
    texts = [
        text for key, row in STRINGS.items() if key.startswith("results.") for text in row.values()
    ]
    for name in WIDGETS:
        code = code_of(name)
        for text in texts:
            if len(text) > 3:  # "M{n}", "✓" and "ya" are too short to tell
                assert f'"{text}"' not in code, (name, text)
        for word in ("Kirim", "Salin", "Nama", "Tanggal", "Peserta", "Copy the", "Learner"):
            assert word not in code, (name, word)


def test_every_key_the_scripts_use_is_in_the_table() -> None:
    found = {key for name in WIDGETS for key in KEY.findall(code_of(name))}
    whole = {key for key in found if not key.endswith(("_", "."))}
    assert len(whole) > 30
    assert whole - set(STRINGS) == set()
    assert found - whole == {"results.col_", "results.reason."}  # completed in the script:
    for column in ("name", "date", "pre", "post", "gain"):  # tableCells
        assert f"results.col_{column}" in STRINGS
    reasons = {"format", "incomplete", "malformed", "checksum"}  # the code's, and the tally's
    reasons |= {"curriculum", "version", "duplicate", "replaced"}
    assert {key for key in STRINGS if key.startswith("results.reason.")} == {
        f"results.reason.{reason}" for reason in reasons
    }


def test_every_results_string_is_used_and_sent_to_the_pages() -> None:
    code = "".join(code_of(name) for name in WIDGETS)
    python = "".join(
        p.read_text(encoding="utf-8") for p in (ASSETS.parent / "results").glob("*.py")
    )
    for key in STRINGS:
        if not key.startswith("results."):
            continue
        short = key.removeprefix("results.")
        used = (
            f'"{key}"' in code
            or f'"{key}"' in python
            or (short.startswith(("reason.", "col_")) and '"results.' in code)
        )
        assert used, key
    assert "results." in SCRIPT_STRINGS


def test_the_device_script_comes_before_every_script_that_keeps_anything() -> None:
    assert SCRIPTS[0] == DEVICE_SCRIPT
    site_order = sorted(p.name for p in ASSETS.glob("*.js"))
    assert site_order[0] == DEVICE_SCRIPT  # the plugin adds the site's scripts by name
    for name in ("berdaya-quiz.js", "berdaya-test.js", "single/berdaya-single.js", *WIDGETS):
        code = re.sub(
            r"/\*.*?\*/", "", (ASSETS / name).read_text(encoding="utf-8"), flags=re.DOTALL
        )
        assert "localStorage" not in code, name
        assert "window.name" not in code, name


def test_the_single_file_carries_the_results_scripts_in_order() -> None:
    assert SCRIPTS[-4:] == RESULTS_SCRIPTS
    assert RESULTS_SCRIPTS.index("berdaya-results.js") < RESULTS_SCRIPTS.index("berdaya-send.js")
    assert "berdaya-results.css" in STYLESHEETS
    site_order = sorted(p.name for p in ASSETS.glob("*.js"))
    assert site_order.index("berdaya-results.js") < site_order.index("berdaya-send.js")
    assert site_order.index("berdaya-results.js") < site_order.index("berdaya-tally.js")
