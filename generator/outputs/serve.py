"""``berdaya serve``: MkDocs' live-reload server, with rebuilds that skip when nothing changed.

The server is MkDocs' own (``mkdocs.livereload``), set up as ``mkdocs serve`` sets
it up; the builder is :class:`ServeBuilder`. Each rebuild is MkDocs' *dirty* build,
made correct by :mod:`generator.outputs.incremental`. Before a rebuild, the builder
compares the stamp of what the build reads (:mod:`generator.outputs.stamp`) with
the one the last build left in the served folder: when nothing changed it builds
nothing and writes nothing. That is the rebuild the server starts after every real
one, because the real one wrote the docs folder's Markdown, and the rebuild after a
file was saved unchanged.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer

from generator.exceptions import BuildError, UsageError
from generator.outputs.mkdocs_site import build_stamp, protected
from generator.outputs.stamp import NAME

log = logging.getLogger("mkdocs.commands.serve")
UNCHANGED = "Nothing changed since the last build: nothing rebuilt"


class ServeBuilder:
    """Builds as ``berdaya serve`` does: dirty builds into ``site_dir``; none if nothing changed."""

    def __init__(self, config_file: Path, site_dir: Path, address: str | None = None) -> None:
        """A builder of ``config_file`` into ``site_dir``, served at ``address`` (IP:PORT)."""
        self.config_file, self.site_dir = config_file, site_dir
        self.overrides = {"dev_addr": address} if address else {}
        self.url = ""

    def load(self) -> MkDocsConfig:
        """mkdocs.yml loaded as the server builds it (MkDocs' own errors, as ``mkdocs serve``)."""
        config = load_config(
            config_file=str(self.config_file), site_dir=str(self.site_dir), **self.overrides
        )
        if self.url:
            config.site_url = self.url
        return config

    def __call__(self, config: MkDocsConfig | None = None) -> None:
        """One rebuild: ``config`` (the first build's) or mkdocs.yml loaded again."""
        config = config or self.load()
        try:
            inputs = build_stamp(config, protected(config), strict=False, strict_content=False)
        except UsageError:  # a wrong plugin option: the build says so, as it always did
            inputs = None
        if inputs is not None and inputs.matches(self.site_dir):
            log.info(UNCHANGED)
            return
        log.info("Building documentation...")
        (self.site_dir / NAME).unlink(missing_ok=True)  # a failed build leaves no stamp
        mkdocs_build(config, serve_url=self.url or None, dirty=True)
        if inputs is not None:
            inputs.write(self.site_dir)


def serve_site(config_file: Path, address: str | None = None) -> None:
    """Serve with live reload until interrupted, in a temporary folder removed at the end."""
    site_dir = Path(tempfile.mkdtemp(prefix="berdaya-serve-"))
    builder = ServeBuilder(config_file, site_dir, address)
    try:
        config = builder.load()
        config.plugins.on_startup(command="serve", dirty=True)
        try:
            _serve(builder, config)
        finally:
            config.plugins.on_shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def _serve(builder: ServeBuilder, config: MkDocsConfig) -> None:
    """The first build, the watched paths and the server, as ``mkdocs serve`` runs them."""
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    server = LiveReloadServer(
        builder=builder, host=host, port=port, root=str(builder.site_dir), mount_path=mount_path
    )
    server.error_handler = lambda code: _error_page(builder.site_dir, code)
    builder.url = config.site_url = server.url
    builder(config)
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    server = config.plugins.on_serve(server, config=config, builder=builder)
    for item in config.watch:
        server.watch(item)
    try:
        server.serve()  # type: ignore[no-untyped-call]  # MkDocs leaves it untyped
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()


def _error_page(site_dir: Path, code: int) -> bytes | None:
    """The site's own 404.html (or 500.html) for the server's error responses."""
    page = site_dir / f"{code}.html"
    return page.read_bytes() if code in (404, 500) and page.is_file() else None


def serve_builder(config_file: Path, site_dir: Path) -> Callable[[], None]:
    """The builder of ``berdaya serve`` without the server: for tests and benchmarks.

    Each call loads mkdocs.yml again and builds dirty into ``site_dir``, as the
    server's builder does after a change; the first call is the server's first build.
    """
    builder = ServeBuilder(config_file, site_dir)
    builder.url = "http://127.0.0.1:8000/"
    first = builder.load()
    first.plugins.on_startup(command="serve", dirty=True)
    loaded = [first]

    def build() -> None:
        try:
            builder(loaded.pop() if loaded else None)
        except MkDocsException as exc:
            raise BuildError(str(exc)) from exc

    return build
