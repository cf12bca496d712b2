"""The Jinja2 environments: one search path (overrides first), strict, and how each escapes.

Templates come from ``templates/`` of the project (shipped as
``generator.templates``); an organisation's ``templates_dir`` is searched first,
so any template can be overridden by a file of the same name. Undefined values
are errors (``StrictUndefined``). HTML templates (``*.html.j2``) are
autoescaped; the Markdown page templates escape every value as text in their own
environment (:func:`generator.site.render.environment`); the YAML starters of
``berdaya new`` quote their values themselves.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from generator import resources
from generator.exceptions import TemplateError

DEFAULT_TEMPLATES = resources.TEMPLATES


def loader(templates_dir: Path | None = None) -> jinja2.FileSystemLoader:
    """The organisation's templates first, then the bundled ones."""
    search = [str(templates_dir)] if templates_dir else []
    return jinja2.FileSystemLoader([*search, str(DEFAULT_TEMPLATES)])


def yaml_environment() -> jinja2.Environment:
    """The Jinja2 environment of the starter YAML files (``new/``): values are quoted by callers."""
    return jinja2.Environment(
        loader=loader(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - YAML, whose values scaffold.py quotes itself
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def overrides(templates_dir: Path | None) -> tuple[str, ...]:
    """The template names in an organisation's folder: a kept environment is for these only.

    Jinja2 compiles a kept template again when its file changed, but would not see a
    new file that overrides a bundled template.
    """
    if templates_dir is None or not templates_dir.is_dir():
        return ()
    return tuple(sorted(p.relative_to(templates_dir).as_posix() for p in templates_dir.rglob("*")))


def html_environment(templates_dir: Path | None = None) -> jinja2.Environment:
    """The Jinja2 environment for HTML templates (``*.html.j2``): autoescaped, same search path.

    One per folder and set of overrides, kept: its templates are compiled once.
    """
    return _html_environment(templates_dir, overrides(templates_dir))


@lru_cache(maxsize=8)
def _html_environment(templates_dir: Path | None, names: tuple[str, ...]) -> jinja2.Environment:
    del names  # part of the key
    return jinja2.Environment(
        loader=loader(templates_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(name: str, context: dict[str, Any], env: jinja2.Environment) -> str:
    """Render the HTML template ``name``.

    Raises:
        TemplateError: the template is missing or uses an undefined value.
    """
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"template not found: {exc.name}") from exc
    except (jinja2.UndefinedError, jinja2.TemplateSyntaxError) as exc:
        raise TemplateError(f"template {name}: {exc}") from exc


class MemoryBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in this process, checked against each template's source.

    MkDocs makes the theme's environment anew for every build; ``serve`` gives each one
    this cache (the plugin's ``on_env``), so a rebuild compiles only changed templates.
    """

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill ``bucket`` from the cache; Jinja drops it if the source changed."""
        found = self.kept.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep a template just compiled."""
        self.kept[bucket.key] = bucket.bytecode_to_string()


THEME_BYTECODE = MemoryBytecode()
"""The theme's compiled templates, kept between the rebuilds of ``serve``."""
