"""The skill demonstration: every kind of bad ``demonstration:``, the pass rule and its words.

Each case edits the guide fixtures (``usaha-warung`` has a demonstration on
its module ``jual`` with a scale, ``shop-basics`` one in ``curriculum.yml``
with yes/no checks) and compares the whole list of diagnostics.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.copies import Case, case

from generator.content.check import read_project
from generator.content.demonstration import is_met, pass_rule, passes, title
from generator.content.model import Demonstration
from generator.content.project import CurriculumSource, find_curricula
from tests.conftest import FIXTURES

J = "usaha-warung/modules/jual.yml"
S = "shop-basics/curriculum.yml"
S_CRITERIA = (FIXTURES / "guide" / S).read_text(encoding="utf-8").partition("  criteria:\n")[2]
S_CRITERIA = "  criteria:\n" + S_CRITERIA.partition("  pass:\n")[0]


CASES = [
    # --- a module's demonstration -------------------------------------------------
    case(
        "unknown-objective-of-the-module",
        J,
        "      title: Menawarkan produk lain\n      objective: layani\n",
        "      title: Menawarkan produk lain\n      objective: tawarkan\n",
        f"{J}:77:18: error: demonstration.criteria[2].objective: unknown objective "
        "'tawarkan'; objectives of this module: layani",
    ),
    case(
        "activity-not-of-the-module",
        J,
        "\n  activity: main-peran\n",
        "\n  activity: bermain-peran\n",
        f"{J}:51:13: error: demonstration.activity: 'bermain-peran' is not an activity of "
        "this module; activities of this module: main-peran",
    ),
    case(
        "duplicate-criterion-id",
        J,
        "    - id: terima-kasih\n",
        "    - id: menyapa\n",
        f"{J}:82:11: error: demonstration.criteria[3].id: duplicate criterion id 'menyapa'",
    ),
    case(
        "levels-without-a-scale",
        J,
        "  scale: [belum, cukup, baik]\n",
        "",
        f"{J}:61:7: error: demonstration.criteria[0].levels: levels need a 'scale' on the "
        "demonstration (the levels, lowest first)",
        f"{J}:70:7: error: demonstration.criteria[1].levels: levels need a 'scale' on the "
        "demonstration (the levels, lowest first)",
        f"{J}:77:7: error: demonstration.criteria[2].levels: levels need a 'scale' on the "
        "demonstration (the levels, lowest first)",
    ),
    case(
        "a-level-not-on-the-scale",
        J,
        "        baik: Menyapa lebih dulu dengan ramah.\n",
        "        bagus: Menyapa lebih dulu dengan ramah.\n",
        f"{J}:65:9: error: demonstration.criteria[0].levels.bagus: 'bagus' is not a level of "
        "the scale (belum, cukup, baik)",
    ),
    case(
        "a-level-twice-on-the-scale",
        J,
        "  scale: [belum, cukup, baik]\n",
        "  scale: [belum, cukup, cukup, baik]\n",
        f"{J}:55:25: error: demonstration.scale[2]: 'cukup' appears twice",
    ),
    case(
        "a-scale-of-one-level",
        J,
        "  scale: [belum, cukup, baik]\n",
        "  scale: [baik]\n",
        f"{J}:55:10: error: demonstration.scale: needs at least 2 items",
    ),
    case(
        "met-from-not-on-the-scale",
        J,
        "  scale: [belum, cukup, baik]\n",
        "  scale: [belum, cukup, baik]\n  met_from: sedang\n",
        f"{J}:56:13: error: demonstration.met_from: 'sedang' is not a level of the scale "
        "(belum, cukup, baik)",
    ),
    case(
        "pass-others-more-than-the-non-critical-criteria",
        J,
        "    others: 1\n",
        "    others: 3\n",
        f"{J}:86:13: error: demonstration.pass.others: 3 is more than the 2 criteria that "
        "are not critical",
    ),
    case(
        "no-criteria",
        S,
        S_CRITERIA,
        "  criteria: []\n",
        f"{S}:51:13: error: demonstration.criteria: needs at least 1 item",
    ),
    case(
        "met-from-without-a-scale",
        S,
        "  minutes: 5\n",
        "  minutes: 5\n  met_from: ya\n",
        f"{S}:48:13: error: demonstration.met_from: 'met_from' needs a 'scale' (the levels, "
        "lowest first)",
    ),
    case(
        "a-criterion-without-objective",
        S,
        "      title: Adds a margin\n      objective: pricing/set-price\n",
        "      title: Adds a margin\n",
        f"{S}:57:7: error: demonstration.criteria[1]: missing required key 'objective'",
    ),
    # --- a curriculum's demonstration ---------------------------------------------
    case(
        "unknown-curriculum-objective",
        S,
        "      title: Adds a margin\n      objective: pricing/set-price\n",
        "      title: Adds a margin\n      objective: set-price\n",
        f"{S}:59:18: error: demonstration.criteria[1].objective: unknown objective "
        "'set-price'; write <module>/<objective>",
    ),
    case(
        "objective-of-a-module-not-in-the-curriculum",
        S,
        "      title: Adds a margin\n      objective: pricing/set-price\n",
        "      title: Adds a margin\n      objective: prices/set-price\n",
        f"{S}:59:18: error: demonstration.criteria[1].objective: 'prices' is not a module "
        "of this curriculum",
    ),
    case(
        "unknown-objective-of-a-module",
        S,
        "      title: Adds a margin\n      objective: pricing/set-price\n",
        "      title: Adds a margin\n      objective: pricing/margin\n",
        f"{S}:59:18: error: demonstration.criteria[1].objective: unknown objective 'margin' "
        "of module 'pricing'; objectives of this module: set-price",
    ),
    case(
        "activity-not-a-reference",
        S,
        "  activity: pricing/price-tea\n",
        "  activity: price-tea\n",
        f"{S}:48:13: error: demonstration.activity: 'price-tea' is not an activity "
        "reference: write <module>/<activity>",
    ),
    case(
        "activity-of-a-module-not-in-the-curriculum",
        S,
        "  activity: pricing/price-tea\n",
        "  activity: prices/price-tea\n",
        f"{S}:48:13: error: demonstration.activity: 'prices' is not a module of this curriculum",
    ),
    case(
        "unknown-activity-of-a-module",
        S,
        "  activity: pricing/price-tea\n",
        "  activity: pricing/price-coffee\n",
        f"{S}:48:13: error: demonstration.activity: unknown activity 'price-coffee' of "
        "module 'pricing'; activities of this module: price-tea",
    ),
]


@pytest.fixture
def guide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the guide fixtures; the working directory is its content root."""
    shutil.copytree(FIXTURES / "guide", tmp_path, dirs_exist_ok=True)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lines(root: Path) -> list[str]:
    return [d.format() for d in read_project(find_curricula([root])).diagnostics]


def edit(root: Path, relative: str, old: str, new: str) -> None:
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not in {relative} once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_fixtures_are_valid(guide: Path) -> None:
    assert lines(guide) == []


@pytest.mark.parametrize("bad", CASES, ids=[c.name for c in CASES])
def test_bad_demonstration(guide: Path, bad: Case) -> None:
    edit(guide, bad.file, bad.old, bad.new)
    assert lines(guide) == list(bad.expected)


def test_a_demonstration_criterion_assesses_its_objective(guide: Path) -> None:
    """Without the activity's ``objectives``, the demonstration still assesses ``layani``."""
    edit(guide, J, "    objectives: [layani]\n", "")
    assert lines(guide) == []


# --- passing ----------------------------------------------------------------------


def load(root: Path, name: str) -> CurriculumSource:
    project = read_project(find_curricula([root]))
    return next(c for c in project.curricula if c.id == name)


@pytest.fixture
def scaled() -> Demonstration:
    """The module ``jual``: belum/cukup/baik, two critical criteria, 1 of the 2 others."""
    module = load(FIXTURES / "guide", "usaha-warung").module("jual")
    assert module is not None
    assert module.model.demonstration is not None
    return module.model.demonstration


@pytest.fixture
def checks() -> Demonstration:
    """``shop-basics``: yes/no checks, one critical criterion, 1 of the 2 others."""
    demo = load(FIXTURES / "guide", "shop-basics").model.demonstration
    assert demo is not None
    return demo


def test_a_level_meets_from_the_second_level_up(scaled: Demonstration) -> None:
    assert scaled.met_level == "cukup"
    assert [is_met(scaled, level) for level in ("belum", "cukup", "baik")] == [
        False,
        True,
        True,
    ]
    assert not is_met(scaled, observed=True)
    assert not is_met(scaled, "bagus")
    assert not is_met(scaled, None)


def test_met_from_raises_the_level(scaled: Demonstration) -> None:
    demo = scaled.model_copy(update={"met_from": "baik"})
    assert [is_met(demo, level) for level in ("belum", "cukup", "baik")] == [False, False, True]


def test_a_check_is_met_when_ticked(checks: Demonstration) -> None:
    assert checks.met_level is None
    assert is_met(checks, observed=True)
    assert not is_met(checks, observed=False)
    assert not is_met(checks, None)
    assert not is_met(checks, "ya")


def test_passes_with_every_critical_and_enough_others(scaled: Demonstration) -> None:
    both = {"menyapa": "cukup", "kembalian": "baik"}
    assert passes(scaled, {**both, "menawarkan": "cukup"})
    assert passes(scaled, {**both, "terima-kasih": "baik", "menawarkan": "belum"})
    assert not passes(scaled, both), "no other criterion met"
    assert not passes(scaled, {**both, "menawarkan": "belum", "terima-kasih": "belum"})
    everything_but_one_critical = {
        "menyapa": "belum",
        "kembalian": "baik",
        "menawarkan": "baik",
        "terima-kasih": "baik",
    }
    assert not passes(scaled, everything_but_one_critical)


def test_passes_on_ticks(checks: Demonstration) -> None:
    assert passes(checks, {"cost": True, "explains": True})
    assert not passes(checks, {"margin": True, "explains": True})
    assert not passes(checks, {"cost": True})


def test_without_pass_every_criterion(checks: Demonstration) -> None:
    demo = checks.model_copy(update={"pass_rule": None})
    assert not passes(demo, {"cost": True, "margin": True})
    assert passes(demo, {"cost": True, "margin": True, "explains": True})


# --- the rule in words ------------------------------------------------------------


def test_the_rule_in_indonesian(scaled: Demonstration) -> None:
    assert pass_rule(scaled, "id") == (
        "Peserta lulus bila semua kriteria kritis (2) dan sekurang-kurangnya 1 dari 2 "
        "kriteria lainnya terpenuhi. Kriteria terpenuhi pada tingkat “cukup” atau lebih tinggi."
    )


def test_the_rule_in_english(checks: Demonstration) -> None:
    assert pass_rule(checks, "en") == (
        "A participant passes with the critical criterion and at least 1 of the 2 other "
        "criteria met. A criterion is met when ticked “yes”."
    )


def test_the_rule_without_pass(checks: Demonstration) -> None:
    demo = checks.model_copy(update={"pass_rule": None})
    assert pass_rule(demo, "id") == (
        "Peserta lulus bila semua kriteria (3) terpenuhi. Kriteria terpenuhi bila dicentang “ya”."
    )


def test_the_rule_with_one_criterion(checks: Demonstration) -> None:
    demo = checks.model_copy(update={"criteria": checks.criteria[:1], "pass_rule": None})
    assert pass_rule(demo, "en").startswith("A participant passes with the criterion met.")


def test_the_rule_without_critical_criteria(scaled: Demonstration) -> None:
    criteria = [c.model_copy(update={"critical": False}) for c in scaled.criteria]
    demo = scaled.model_copy(update={"criteria": criteria, "met_from": "baik"})
    assert pass_rule(demo, "en") == (
        "A participant passes with at least 1 of the 4 criteria met. A criterion is met at “baik”."
    )


def test_the_rule_with_only_critical_criteria(scaled: Demonstration) -> None:
    demo = scaled.model_copy(
        update={"pass_rule": scaled.pass_rule.model_copy(update={"others": 0})}
    )
    assert pass_rule(demo, "id").startswith(
        "Peserta lulus bila semua kriteria kritis (2) terpenuhi."
    )
    assert passes(demo, {"menyapa": "cukup", "kembalian": "cukup"})


def test_the_rule_when_nothing_is_required(checks: Demonstration) -> None:
    criteria = [c.model_copy(update={"critical": False}) for c in checks.criteria]
    rule = checks.pass_rule
    assert rule is not None
    demo = checks.model_copy(
        update={"criteria": criteria, "pass_rule": rule.model_copy(update={"others": 0})}
    )
    assert pass_rule(demo, "en").startswith("A participant passes by completing the task.")
    assert passes(demo, {})


def test_the_default_title(scaled: Demonstration, checks: Demonstration) -> None:
    assert title(scaled, "en") == "Unjuk keterampilan — melayani pembeli"
    assert title(checks, "en") == "Skill demonstration"
    assert title(checks, "id") == "Unjuk keterampilan"
