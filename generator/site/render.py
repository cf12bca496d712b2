"""Render planned pages to Markdown with Jinja2.

Templates come from ``templates/`` of the project; an organisation's
``templates_dir`` is searched first, so any template can be overridden by a
file of the same name. Undefined variables are errors (``StrictUndefined``).
Every value a Markdown template writes is escaped as text unless it is
Markup (:mod:`generator.text`); HTML templates are autoescaped.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import jinja2

from generator.content.agenda import curriculum_minutes, module_minutes
from generator.exceptions import TemplateError
from generator.i18n import Language, duration, t
from generator.site.book import demote, paper_quiz
from generator.site.demonstration import curriculum_view, demonstrations, module_view
from generator.site.guide import (
    print_button_html,
    program_guide,
    prose_cell,
    schedule_length,
    table_cell,
)
from generator.site.jinja import html_environment, loader, overrides
from generator.site.plan import Page
from generator.site.prepost import papers_and_keys, prepost_html, send_html, tally_html
from generator.site.quiz import quiz_html, script_strings
from generator.site.render_cache import RenderCache
from generator.site.sheet_html import sheet_html
from generator.site.sheets import worksheet_sheet
from generator.site.text import (
    abbr_term,
    abbr_title,
    link_target,
    md_text,
    oneline,
    prose,
    prose_line,
    quiz_prose,
    quiz_text,
)

_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment: overrides first, then the bundled templates.

    One per folder and set of overrides (:func:`generator.site.jinja.overrides`), kept
    between runs (``serve``): templates are compiled once, and again only when their
    file changed. :func:`render_page` sets the filters that depend on the page.
    """
    return _environment(templates_dir, overrides(templates_dir))


@lru_cache(maxsize=8)
def _environment(templates_dir: Path | None, names: tuple[str, ...]) -> jinja2.Environment:
    del names  # part of the key
    env = jinja2.Environment(
        loader=loader(templates_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - the output is Markdown: `finalize` escapes it as text
        finalize=md_text,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["oneline"] = oneline
    env.filters["abbr_term"] = abbr_term
    env.filters["abbr_title"] = abbr_title
    env.filters["link_target"] = link_target
    env.globals["module_minutes"] = module_minutes
    env.globals["curriculum_minutes"] = curriculum_minutes
    env.globals["program_guide"] = program_guide
    env.globals["paper_quiz"] = paper_quiz
    env.filters["cell"] = table_cell
    env.filters["prose_cell"] = prose_cell
    env.filters["demote"] = demote
    html_env = html_environment(templates_dir)
    env.globals["quiz_html"] = partial(quiz_html, env=html_env)
    env.globals["script_strings"] = script_strings
    env.globals["prepost_html"] = partial(prepost_html, env=html_env)
    env.globals["send_html"] = partial(send_html, env=html_env)
    env.globals["tally_html"] = partial(tally_html, env=html_env)
    env.globals["papers_and_keys"] = papers_and_keys
    env.globals["demonstrations"] = demonstrations
    env.globals["module_demonstration"] = module_view
    env.globals["curriculum_demonstration"] = curriculum_view
    env.globals["print_button_html"] = partial(print_button_html, env=html_env)
    env.globals["sheet_html"] = partial(sheet_html, env=html_env)
    env.globals["worksheet_sheet"] = worksheet_sheet
    return env


def render_pages(
    pages: list[Page],
    env: jinja2.Environment,
    root: Path,
    kept: tuple[RenderCache, dict[str, str]] | None = None,
) -> dict[str, str]:
    """Render every page; keys are paths below the docs folder.

    Args:
        pages: the planned pages.
        env: from :func:`environment`.
        root: the folder that source paths in page headers are shown relative to.
        kept: pages kept from earlier runs and each curriculum's key
            (:mod:`generator.site.render_cache`): the pages of a curriculum whose key
            is unchanged are taken from there, and the cache is updated.

    Raises:
        TemplateError: a template is missing or uses an undefined value.
    """
    if kept is None:
        return {page.path: render_page(page, env, root) for page in pages}
    cache, keys = kept
    texts: dict[str, str] = {}
    by_curriculum: dict[str, dict[str, str]] = {}
    for page in pages:
        curriculum = page.path.split("/")[0]
        key = keys.get(curriculum)
        if key is None:
            texts[page.path] = render_page(page, env, root)
            continue
        text = cache.get(curriculum, key).get(page.path)
        texts[page.path] = text if text is not None else render_page(page, env, root)
        by_curriculum.setdefault(curriculum, {})[page.path] = texts[page.path]
    for curriculum, rendered in by_curriculum.items():
        cache.keep(curriculum, keys[curriculum], rendered)
    return texts


def render_page(page: Page, env: jinja2.Environment, root: Path) -> str:
    """Render one page, headed by a comment that names its source file."""
    lang: Language = page.language
    depth = page.path.count("/")
    context: dict[str, Any] = {
        **page.context,
        "lang": lang,
        "t": partial(t, language=lang),
        "duration": partial(duration, language=lang),
        "schedule_length": partial(schedule_length, language=lang),
        "media_prefix": "../" * max(depth - 1, 0),
        "root_prefix": "../" * depth,
    }
    env.filters["prose"] = partial(prose, prefix=context["media_prefix"])
    env.filters["prose_line"] = partial(prose_line, prefix=context["media_prefix"])
    env.filters["quiz_text"] = partial(quiz_text, prefix=context["media_prefix"])
    env.filters["quiz_prose"] = partial(quiz_prose, prefix=context["media_prefix"])
    try:
        body = env.get_template(page.template).render(context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from exc
    except (jinja2.UndefinedError, jinja2.TemplateSyntaxError) as exc:
        raise TemplateError(f"template {page.template}: {exc}") from exc
    source = _relative(page.source, root)
    header = f"<!-- {t('generated.comment', lang).format(source=source)} -->\n"
    body = _BLANK_LINES.sub("\n\n", body.strip()) + "\n"
    front = _FRONT_MATTER.match(body)
    if front:  # YAML front matter must stay first in the file
        return front.group(0) + header + body[front.end() :]
    return header + body


def _relative(path: Path, root: Path) -> str:
    return _relative_from(path, root, os.getcwd())  # noqa: PTH109 - relative paths resolve from it


@lru_cache(maxsize=4096)
def _relative_from(path: Path, root: Path, cwd: str) -> str:
    """``path`` relative to ``root``, both resolved (from ``cwd``); remembered."""
    del cwd  # part of the key
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
