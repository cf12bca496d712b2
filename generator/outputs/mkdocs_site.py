"""Build and serve the MkDocs site from the command line.

``berdaya build`` checks the site folder first (:mod:`generator.guard`: never a
folder Berdaya did not make), builds into a marked staging folder next to it and
swaps it into place only when the build succeeded, so a failed build never
leaves a half-written site behind.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from generator.content.messages import diagnostic_language
from generator.exceptions import BuildError, UsageError
from generator.outputs import stamp
from generator.outputs.guard import (
    Protected,
    check_docs_folder,
    check_site_folder,
    recover,
    staging_folder,
    swap,
)
from generator.site.plan import Options, library_dirs
from generator.site.sheet_options import PluginSheets

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # the banner says nothing our users can act on

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

_log = logging.getLogger("mkdocs.commands.build")

Audience = Literal["trainer", "learner"]
"""Who a site or an export is for: ``learner`` has no guides, answer keys or trainer pages."""


def setup_logging(*, verbose: bool = False) -> None:
    """Show MkDocs' messages the way ``mkdocs build`` does."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    logger.propagate = False


def load(config_file: Path, **overrides: Any) -> MkDocsConfig:  # noqa: ANN401 - MkDocs options
    """Load mkdocs.yml with overrides, as MkDocs itself would.

    Raises:
        UsageError: there is no such file.
        BuildError: MkDocs cannot read it.
    """
    if not config_file.is_file():
        raise UsageError(f"no configuration file {config_file} (name one with -f)")
    try:
        return load_config(config_file=str(config_file), **overrides)
    except MkDocsException as exc:
        raise BuildError(f"{config_file}: {exc}") from exc


def content_options(config: MkDocsConfig) -> tuple[Path, Options]:
    """The content folder and options the berdaya plugin is configured with.

    Raises:
        BuildError: the plugin is not configured.
        UsageError: an option of the plugin is wrong (see :meth:`Options.from_plugin`).
    """
    plugin = config.plugins.get("berdaya")
    if plugin is None:
        raise BuildError(f"{config.config_file_path}: the 'berdaya' plugin is not in plugins:")
    root = Path(config.config_file_path).resolve().parent
    settings = plugin.config
    sheets = PluginSheets(settings.sheet_rows, settings.organisation, root)
    options = Options.from_plugin(
        settings.language, settings.audience, settings.curricula, settings.quiz_reveal, sheets
    )
    folders = library_dirs(settings.library_dirs, root)
    options = replace(options, library_dirs=folders, translation_links=settings.translation_links)
    return root / settings.content_dir, options


def templates_dir(config: MkDocsConfig) -> Path | None:
    """The organisation's template overrides named by the berdaya plugin, if any."""
    name = config.plugins["berdaya"].config.templates_dir
    return Path(config.config_file_path).resolve().parent / name if name else None


def protected(config: MkDocsConfig) -> Protected:
    """The folders of the project that no output may replace or fill."""
    root = Path(config.config_file_path).resolve().parent
    content_dir, _options = content_options(config)
    return Protected(root, content_dir, Path(config.docs_dir), templates_dir(config))


class _StagingName(logging.Filter):
    """Names the site folder, not the staging folder it is built in, in MkDocs' messages."""

    def __init__(self, staging: Path, target: Path) -> None:
        super().__init__()
        self.staging, self.target = str(staging), str(target)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.staging in message:
            record.msg, record.args = message.replace(self.staging, self.target), ()
        return True


def set_audience(config: MkDocsConfig, audience: Audience) -> None:
    """Build ``config`` for ``audience``: ``learner`` leaves out guides, keys and trainer pages.

    The one way every output chooses its audience (the plugin option ``audience``): the
    site (``berdaya build --audience``) and the exports' variants.
    """
    config.plugins["berdaya"].config["audience"] = audience


def audience_of(config: MkDocsConfig) -> Audience:
    """The audience the loaded configuration builds for."""
    audience: Audience = config.plugins["berdaya"].config.audience
    return audience


def build_site(  # noqa: PLR0913 - one per option of `berdaya build`
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    audience: Audience | None = None,
    jobs: int = 1,
    strict_content: bool = False,
) -> Path:
    """Build the site and swap it into place; returns the site folder.

    When nothing the build reads changed since the site was built (its stamp,
    :mod:`generator.outputs.stamp`), nothing is built or written: the last build's
    warnings are logged again and the site is up to date.

    Args:
        config_file: mkdocs.yml.
        site_dir: where to build (default: ``site_dir`` of mkdocs.yml).
        strict: warnings fail the build.
        audience: overrides the plugin option ``audience``.
        jobs: processes that build parts of the site at once
            (:mod:`generator.outputs.parallel`; the bytes do not depend on it).
        strict_content: content warnings fail a build in parts, which checks the
            content itself (``berdaya build --strict``; otherwise the CLI checks first).

    Raises:
        UsageError: the site folder is one Berdaya may not replace.
        BuildError: MkDocs failed (in strict mode: warnings were found).
    """
    config = load(config_file, strict=strict or None)
    if audience is not None:
        set_audience(config, audience)
    target = Path(site_dir or config.site_dir).resolve()
    folders = protected(config)
    inputs = build_stamp(config, folders, strict=strict, strict_content=strict_content)
    recover(target)
    if inputs.matches(target):
        guard_folders(target, folders)
        inputs.replay()
        _log.info("Documentation is up to date: nothing changed since the last build")
        return target
    from generator.outputs import parallel  # noqa: PLC0415 - it builds on this module

    with inputs.recording():
        if parallel.splittable(config):
            parallel.build_in_parts(
                config_file,
                target,
                folders,
                strict=strict,
                audience=audience,
                jobs=jobs,
                strict_content=strict_content,
                stamp=inputs,
            )
            return target
        guard_folders(target, folders)
        with staged(target, inputs) as staging:
            config = load(config_file, strict=strict or None, site_dir=str(staging))
            if audience is not None:
                set_audience(config, audience)
            build_once(config)
    return target


def build_stamp(
    config: MkDocsConfig, folders: Protected, *, strict: bool, strict_content: bool
) -> stamp.Stamp:
    """What a build of ``config`` reads and how it builds (:mod:`generator.outputs.stamp`)."""
    _content, options = content_options(config)
    read = [folders.content, *options.library_dirs, folders.templates]
    how = {
        "strict": strict,
        "strict_content": strict_content,
        "audience": audience_of(config),
        "messages": diagnostic_language(),  # the stored warnings are in this language
    }
    return stamp.of(config, read, how)


def build_once(config: MkDocsConfig) -> None:
    """One ``mkdocs build`` of a loaded configuration, every page in this process.

    Raises:
        MkDocsException: MkDocs failed (in strict mode: warnings were found).
    """
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def guard_folders(target: Path, folders: Protected) -> None:
    """Refuse a docs or site folder that a build may not fill or replace.

    Raises:
        UsageError: see :func:`generator.outputs.guard.check_site_folder`.
    """
    check_docs_folder(folders.docs, folders)
    check_site_folder(target, folders)


@contextmanager
def staged(target: Path, inputs: stamp.Stamp | None = None) -> Iterator[Path]:
    """A marked staging folder beside ``target``, swapped into place when the block succeeds.

    A failed block leaves ``target`` as it was and removes the staging folder;
    MkDocs' messages name ``target``, not the staging folder. With ``inputs``, the
    stamp of the build is written into the staging folder before the swap.

    Raises:
        BuildError: MkDocs failed in the block.
    """
    recover(target)
    staging = staging_folder(target)
    names = _StagingName(staging, target)
    build_logger = logging.getLogger("mkdocs.commands.build")
    build_logger.addFilter(names)
    try:
        yield staging
        if inputs is not None:
            inputs.write(staging)
        swap(staging, target)
    except MkDocsException as exc:
        raise BuildError(str(exc)) from exc
    finally:
        build_logger.removeFilter(names)
        if staging.exists():  # a failed build: the staging folder is ours and incomplete
            shutil.rmtree(staging, ignore_errors=True)
