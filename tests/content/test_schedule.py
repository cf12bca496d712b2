"""Schedule warnings: long runs without a break, the midday break, long days.

Each warning has a test that asserts its exact line on a copy of the guide
fixture ``tests/fixtures/guide/usaha-warung`` with one place edited, and a
test at its boundary that asserts no warning. Day 1 of the fixture, as the
agenda computes it::

    08:00-08:30 opening (30)      09:45-11:30 Harga Jual (105)   13:00-14:00 Catatan Kas (60)
    08:30-09:30 Modal Warung (60) 11:30-12:00 free time          14:00-14:15 reflection (15)
    09:30-09:45 tea break (15)    12:00-13:00 Ishoma (60, pinned)
"""

# ruff: noqa: RUF001 - time ranges are written with an en dash, as the pages show them

from __future__ import annotations

from pathlib import Path

import pytest
from support.copies import GuideCopy, copy_guides

from generator.content.agenda import agenda
from generator.content.schedule import Pause, has_midday_break, pauses, runs

GUIDE = Path(__file__).resolve().parents[1] / "fixtures" / "guide"
TEA_BREAK = "        - break: Istirahat teh\n          minutes: 15\n"
ISHOMA_BREAK = '        - break: Ishoma\n          minutes: 60\n          start: "12:00"\n'
OPENING = "          minutes: 30\n          notes: |"
REFLECTION = "        - title: Refleksi hari pertama\n"


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GuideCopy:
    return copy_guides(tmp_path, monkeypatch)


def edit(copy: GuideCopy, old: str, new: str) -> None:
    """Edit the days of ``usaha-warung`` (its curriculum.yml)."""
    copy.edit("curriculum.yml", old, new)


def test_the_fixture_paces_its_days_well(copy: GuideCopy) -> None:
    assert copy.lines() == []


# More than 3 hours without a break ------------------------------------------------------


def test_more_than_three_hours_without_a_break(copy: GuideCopy) -> None:
    edit(copy, TEA_BREAK, "")
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:27:11: warning: guide.days[0].sessions[0]: day 1: "
            "3 h 15 min of sessions without a break (08:00–11:15), more than 3 hours"
        )
    ]


def test_exactly_three_hours_without_a_break_is_fine(copy: GuideCopy) -> None:
    edit(copy, TEA_BREAK, "")
    edit(copy, OPENING, OPENING.replace("30", "15"))
    day = agenda(copy.source()).days[0]
    assert [(s[0].start, s[-1].end) for s in runs(day)] == [(480, 660), (780, 855)]
    assert copy.lines() == []


def test_free_time_before_a_pinned_session_is_a_break(copy: GuideCopy) -> None:
    edit(copy, TEA_BREAK, "")
    edit(copy, OPENING, OPENING.replace("30", "15"))
    edit(
        copy,
        REFLECTION,
        '        - title: Refleksi hari pertama\n          start: "14:05"\n',
    )
    day = agenda(copy.source()).days[0]
    assert [len(run) for run in runs(day)] == [3, 1, 1]
    assert copy.lines() == []


def test_a_long_run_after_lunch_is_placed_at_its_first_session(copy: GuideCopy) -> None:
    edit(copy, 'start: "12:00"', 'start: "11:30"')
    edit(
        copy,
        REFLECTION + "          minutes: 15\n",
        REFLECTION + "          minutes: 135\n",
    )
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:40:11: warning: guide.days[0].sessions[5]: day 1: "
            "3 h 15 min of sessions without a break (12:30–15:45), more than 3 hours"
        )
    ]


# The midday break (ishoma) --------------------------------------------------------------


def test_no_midday_break_on_a_day_past_one_oclock(copy: GuideCopy) -> None:
    edit(copy, 'start: "12:00"', 'start: "11:30"')
    edit(copy, "minutes: 60\n", "minutes: 44\n")
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:24:7: warning: guide.days[0]: day 1 (08:00–13:29) has no "
            "midday break of at least 45 minutes (ishoma) and runs past 13:00"
        )
    ]


def test_a_midday_break_of_exactly_45_minutes_is_fine(copy: GuideCopy) -> None:
    edit(copy, 'start: "12:00"', 'start: "11:30"')
    edit(copy, "minutes: 60\n", "minutes: 45\n")
    assert pauses(agenda(copy.source()).days[0]) == [Pause(570, 585), Pause(690, 735)]
    assert copy.lines() == []


def test_free_time_next_to_the_break_counts_toward_ishoma(copy: GuideCopy) -> None:
    copy.edit(
        "curriculum.yml", "minutes: 60\n", "minutes: 15\n"
    )  # 11:30-12:00 free, 12:00-12:15 break
    day = agenda(copy.source()).days[0]
    assert pauses(day)[-1] == Pause(690, 735)
    assert has_midday_break(day)
    assert copy.lines() == []


def test_a_long_break_in_the_morning_is_not_a_midday_break(copy: GuideCopy) -> None:
    copy.edit(
        "curriculum.yml", TEA_BREAK, "        - break: Istirahat teh\n          minutes: 60\n"
    )
    edit(copy, ISHOMA_BREAK, "")
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:24:7: warning: guide.days[0]: day 1 (08:00–13:30) has no "
            "midday break of at least 45 minutes (ishoma) and runs past 13:00"
        )
    ]


def test_a_day_that_ends_at_one_oclock_needs_no_midday_break(copy: GuideCopy) -> None:
    edit(copy, ISHOMA_BREAK, "")
    edit(copy, OPENING, OPENING.replace("30", "45"))
    assert agenda(copy.source()).days[0].time == "08:00–13:00"
    assert copy.lines() == []


def test_an_afternoon_day_needs_no_midday_break(copy: GuideCopy) -> None:
    edit(copy, '    - start: "07:30"', '    - start: "13:00"')
    assert agenda(copy.source()).days[1].time == "13:00–15:45"
    assert copy.lines() == []


# A day longer than 8 hours --------------------------------------------------------------


def test_a_day_longer_than_eight_hours(copy: GuideCopy) -> None:
    edit(
        copy,
        REFLECTION,
        '        - title: Refleksi hari pertama\n          start: "16:00"\n',
    )
    assert copy.lines() == [
        (
            "usaha-warung/curriculum.yml:24:7: warning: guide.days[0]: day 1 lasts 8 h 15 min "
            "(08:00–16:15), longer than 8 hours"
        )
    ]


def test_a_day_of_exactly_eight_hours_is_fine(copy: GuideCopy) -> None:
    edit(
        copy,
        REFLECTION,
        '        - title: Refleksi hari pertama\n          start: "15:45"\n',
    )
    assert agenda(copy.source()).days[0].length == 8 * 60
    assert copy.lines() == []
