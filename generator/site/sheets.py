"""The printable sheets of a trainer's kit: what each sheet shows, computed from the content.

Every sheet (attendance, participant list, score sheet, observation grid,
worksheets, feedback form, certificate) is a page of the trainer site under the
guide (``<c>/panduan/lembar/...``), a section of the printable guide and a page
of the PDF. This module plans them and prepares their data; the HTML comes from
the autoescaped templates ``templates/sheets/<kind>.html.j2`` (:mod:`generator.site.sheet_html`).
Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.content import demonstration
from generator.content.agenda import agenda, curriculum_minutes
from generator.content.model import Activity, Demonstration, Orientation, Worksheet
from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource, ModuleSource
from generator.i18n import Language, duration, t
from generator.site.sheet_options import SheetOptions

FIXED = ("attendance", "participants", "scores", "observation", "feedback", "certificate")
"""The sheets every guide has (the observation grid only with a demonstration), in order."""
ORIENTATION: dict[str, Orientation] = {
    "attendance": "landscape",
    "participants": "landscape",
    "scores": "portrait",
    "observation": "landscape",
    "feedback": "portrait",
    "certificate": "landscape",
}
FEEDBACK_STATEMENTS = ("content", "trainer", "practice", "materials", "venue", "useful")
FEEDBACK_QUESTIONS = ("most_useful", "improve", "next")
LOGO_NAME = "organisation-logo"
"""The logo's file name (its suffix kept) in the sheets folder of each curriculum."""


@dataclass(frozen=True)
class DayHead:
    """A training day as the attendance sheet heads it."""

    label: str
    """``Hari 1``."""
    title: str
    """The day's own title, if any."""

    @property
    def text(self) -> str:
        """``Hari 1: Dari bahan sampai warna``; a title that names its day stands alone."""
        if not self.title:
            return self.label
        if self.title.casefold().startswith(self.label.casefold()):
            return self.title
        return f"{self.label}: {self.title}"


@dataclass(frozen=True)
class WorksheetView:
    """A worksheet's table: headings and every row's cells (empty: to write in)."""

    module_title: str
    activity_title: str
    intro: str | None
    text: str | None
    columns: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class Sheet:
    """One printable sheet."""

    kind: str
    """``attendance``, ``participants``, ``scores``, ``observation``, ``worksheet``,
    ``feedback`` or ``certificate``."""
    slug: str
    """Its address below the sheets folder (``daftar-hadir``, ``<module>/<activity>``)."""
    title: str
    purpose: str
    orientation: Orientation
    rows: int = 0
    """Blank rows to write in (tables of participants)."""
    data: dict[str, Any] = field(default_factory=dict, compare=False)
    """What the kind's template shows besides the title."""

    @property
    def anchor(self) -> str:
        """The id of the sheet's section: unique on the printable guide."""
        return "berdaya-sheet-" + self.slug.replace("/", "-")


def sheets_folder(c: CurriculumSource) -> str:
    """The folder of a curriculum's sheets below the docs folder: ``<c>/panduan/lembar``."""
    lang = c.language
    return f"{c.id}/{t('slug.guide', lang)}/{t('sheet.slug.index', lang)}"


def logo_path(c: CurriculumSource, options: SheetOptions) -> str | None:
    """Where the organisation's logo is written below the docs folder, if there is one."""
    if options.logo is None:
        return None
    return f"{sheets_folder(c)}/{LOGO_NAME}{options.logo.suffix.lower()}"


def plan_sheets(c: CurriculumSource, options: SheetOptions) -> list[Sheet]:
    """Every sheet of a curriculum with a guide, in the order the guide prints them."""
    lang = c.language
    found: list[Sheet] = []
    for kind in FIXED:
        if kind == "observation":
            found += observation_sheets(c, options)
            continue
        sheet = Sheet(
            kind,
            t(f"sheet.slug.{kind}", lang),
            t(f"sheet.{kind}.title", lang),
            t(f"sheet.{kind}.purpose", lang),
            ORIENTATION[kind],
            options.rows if kind in {"attendance", "participants", "scores"} else 0,
            _data(c, kind, options),
        )
        if kind == "feedback":  # the worksheets come before the forms of the last day
            found += worksheet_sheets(c)
        found.append(sheet)
    return found


def _data(c: CurriculumSource, kind: str, options: SheetOptions) -> dict[str, Any]:
    lang = c.language
    if kind == "attendance":
        return {"days": attendance_days(c)}
    if kind == "scores":
        tests = resolve_tests(c)
        points = {k: test.points for k, test in tests.items()}
        return {"pre": points.get("pre"), "post": points.get("post")}
    if kind == "feedback":
        return {
            "statements": [t(f"sheet.feedback.{key}", lang) for key in FEEDBACK_STATEMENTS],
            "questions": [t(f"sheet.feedback.{key}", lang) for key in FEEDBACK_QUESTIONS],
        }
    if kind == "certificate":
        return {
            "organisation": options.organisation,
            "curriculum": c.model.title,
            "hours": duration(training_minutes(c), lang),
            "logo": logo_path(c, options),
        }
    return {}


def attendance_days(c: CurriculumSource) -> list[DayHead]:
    """The days of the guide's agenda (one page each); a guide without days has one."""
    lang: Language = c.language
    days = agenda(c).days
    if not days:
        return [DayHead(t("sheet.day", lang).format(n=1), "")]
    return [DayHead(t("sheet.day", lang).format(n=d.number), d.title or "") for d in days]


def training_minutes(c: CurriculumSource) -> int:
    """The guide's session time without breaks; without days, the modules' time."""
    days = agenda(c)
    return days.training if days.days else curriculum_minutes(c)


def worksheet_sheets(c: CurriculumSource) -> list[Sheet]:
    """The worksheets of the curriculum's activities, in module and activity order."""
    return [
        worksheet_sheet(c, module, activity)
        for module in c.modules
        for activity in module.model.activities
        if activity.worksheet is not None
    ]


def worksheet_sheet(c: CurriculumSource, module: ModuleSource, activity: Activity) -> Sheet:
    """The sheet of one activity's worksheet.

    Raises:
        ValueError: the activity has no worksheet.
    """
    sheet = activity.worksheet
    if sheet is None:
        raise ValueError(f"activity {activity.id} has no worksheet")
    view = worksheet_view(module.model.title, activity, sheet)
    return Sheet(
        "worksheet",
        f"{module.id}/{activity.id}",
        sheet.title or activity.title,
        t("sheet.worksheet.purpose", c.language).format(activity=activity.title),
        sheet.orientation,
        len(view.rows),
        {"worksheet": view},
    )


def worksheet_view(module_title: str, activity: Activity, sheet: Worksheet) -> WorksheetView:
    """The cells of a worksheet: prefilled cells first in their rows, the rest empty."""
    table = sheet.table
    columns = list(table.columns) if table else []
    rows: list[list[str]] = []
    if table is not None:
        for i in range(table.rows):
            given = list(table.prefilled[i]) if i < len(table.prefilled) else []
            rows.append(given + [""] * (len(columns) - len(given)))
    return WorksheetView(module_title, activity.title, sheet.intro, sheet.text, columns, rows)


@dataclass(frozen=True)
class GridColumn:
    """A criterion as a column of the observation grid."""

    number: int
    title: str
    critical: bool


@dataclass(frozen=True)
class ObservationView:
    """What the observation grid prints above and in its table."""

    context: str
    """The module the demonstration belongs to (empty for the curriculum's)."""
    rule: str
    """The pass rule in words, with when a criterion is met."""
    scale: str
    """How to fill a cell: the scale's levels, or a tick."""
    critical_note: str
    """What the critical mark means; empty when no criterion is critical."""
    columns: list[GridColumn]
    numbered: bool
    """More than :data:`GRID_TITLES` criteria: numbered columns, the criteria listed above."""


GRID_TITLES = 8
"""The most criteria whose titles head the grid's columns; more are numbered."""


def observation_sheets(c: CurriculumSource, options: SheetOptions) -> list[Sheet]:
    """The observation grid of each skill demonstration (none without one).

    The only demonstration's grid is ``observasi``; with several, the curriculum's
    keeps that address and each module's is ``observasi/<module>``.
    """
    found: list[tuple[str, str, Demonstration]] = []
    if c.model.demonstration is not None:
        found.append(("", "", c.model.demonstration))
    found += [
        (m.id, m.model.title, m.model.demonstration)
        for m in c.modules
        if m.model.demonstration is not None
    ]
    slug = t("sheet.slug.observation", c.language)
    return [
        observation_sheet(c, demo, options, module_title, f"{slug}/{module_id}" if module_id and len(found) > 1 else slug)
        for module_id, module_title, demo in found
    ]


def observation_sheet(
    c: CurriculumSource, demo: Demonstration, options: SheetOptions, module_title: str, slug: str
) -> Sheet:
    """The observation grid of one demonstration: a row per participant, a column per criterion."""
    lang = c.language
    name = demonstration.title(demo, lang)
    if demo.scale is None:
        scale = t("sheet.observation.check", lang)
    else:
        scale = t("sheet.observation.scale", lang).format(levels=" < ".join(demo.scale))
    columns = [
        GridColumn(i + 1, criterion.title, criterion.critical)
        for i, criterion in enumerate(demo.criteria)
    ]
    context = t("sheet.observation.module", lang).format(module=module_title) if module_title else ""
    note = t("sheet.observation.critical", lang) if demonstration.critical(demo) else ""
    rule = demonstration.pass_rule(demo, lang)
    view = ObservationView(context, rule, scale, note, columns, len(columns) > GRID_TITLES)
    return Sheet(
        "observation",
        slug,
        t("sheet.observation.title", lang).format(title=name),
        t("sheet.observation.purpose", lang),
        ORIENTATION["observation"],
        options.rows,
        {"observation": view},
    )
