"""The tally as a table: the cells the tally page shows, as text for a terminal, and as CSV.

The cells are the same as the tally page's (``berdaya-tally.js``, ``tableCells``)
and the CSV the same as its download, word for word, in the curriculum's
language; the test vectors hold both.
"""

from __future__ import annotations

from generator.i18n import Language, t
from generator.results.spec import Spec
from generator.results.tally import ModuleResult, Row, Tally

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these would be a formula in a spreadsheet."""


def header(spec: Spec, language: Language) -> list[str]:
    """The column titles of the shown table; modules are M1, M2, ... (see :func:`legend`)."""
    modules = [
        t("results.module_short", language).format(n=n) for n in range(1, len(spec["modules"]) + 1)
    ]
    first = [t(f"results.col_{key}", language) for key in ("name", "date", "pre", "post", "gain")]
    return [*first, *modules, t("results.col_skill", language)]


def cells(row: Row, language: Language) -> list[str]:
    """One learner's cells as shown: ``40%``, ``+45``, ``90 ✓``; ``—`` where there is nothing."""
    modules = [_module_cell(m, language) for m in row.modules]
    return [
        row.name,
        row.date,
        _percent(row.pre),
        _percent(row.post),
        _signed(row.gain),
        *modules,
        "",
    ]


def legend(spec: Spec, language: Language) -> list[str]:
    """What M1, M2, ... stand for, with their pass marks."""
    return [
        t("results.legend", language).format(
            short=t("results.module_short", language).format(n=n),
            title=module["title"],
            **{"pass": module["pass"]},
        )
        for n, module in enumerate(spec["modules"], start=1)
    ]


def text_table(tally: Tally, spec: Spec, language: Language) -> str:
    """The table for a terminal: a title line, aligned columns, the legend."""
    rows = [header(spec, language), *(cells(row, language) for row in tally.rows)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    count = t("results.learners", language).format(count=len(tally.rows))
    lines = [f"{spec['title']}: {count}", ""]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    if spec["modules"]:
        lines += ["", *legend(spec, language)]
    return "\n".join(lines) + "\n"


def csv_text(tally: Tally, spec: Spec, language: Language) -> str:
    """The table as CSV (comma, CRLF, quoted where needed): numbers plain, modules by title."""
    percent = t("results.csv_percent", language)
    titles = [
        _text(t("results.col_name", language)),
        _text(t("results.col_date", language)),
        _text(percent.format(column=t("results.col_pre", language))),
        _text(percent.format(column=t("results.col_post", language))),
        _text(t("results.csv_gain", language)),
    ]
    for spec_module in spec["modules"]:
        titles.append(_text(percent.format(column=spec_module["title"])))
        titles.append(_text(t("results.csv_passed", language).format(module=spec_module["title"])))
    titles.append(_text(t("results.col_skill", language)))
    lines = [titles]
    for row in tally.rows:
        line = [_text(row.name), row.date, _plain(row.pre), _plain(row.post), _plain(row.gain)]
        for module in row.modules:
            passed = "" if module.passed is None else "yes" if module.passed else "no"
            line += [_plain(module.score), t(f"results.{passed}", language) if passed else ""]
        lines.append([*line, ""])
    return "".join(",".join(_quoted(cell) for cell in line) + "\r\n" for line in lines)


def _percent(value: int | None) -> str:
    return "—" if value is None else f"{value}%"


def _signed(value: int | None) -> str:
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else str(value)


def _module_cell(module: ModuleResult, language: Language) -> str:
    if module.score is None:
        return "—"
    mark = t("results.pass_mark" if module.passed else "results.fail_mark", language)
    return f"{module.score} {mark}"


def _plain(value: int | None) -> str:
    return "" if value is None else str(value)


def _text(value: str) -> str:
    """A text cell that a spreadsheet will not run as a formula."""
    return f"'{value}" if value.startswith(FORMULA_START) else value


def _quoted(cell: str) -> str:
    if any(c in cell for c in ',"\r\n') or cell != cell.strip(" "):
        return '"' + cell.replace('"', '""') + '"'
    return cell
