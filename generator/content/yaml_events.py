"""YAML event streams: from libyaml (fast) or from PyYAML's pure-Python parser.

PyYAML's pure-Python parser is the reference: its events, marks and error
messages are the ones Berdaya reports. libyaml gives the same events and marks
several times faster, but it words errors otherwise and reads a few texts
otherwise. :func:`libyaml_reads_alike` and :class:`LibyamlEvents` keep those
texts away from it, so that libyaml is only asked where it agrees.
"""

from __future__ import annotations

import re
from typing import Protocol

import yaml
from yaml.events import CollectionEndEvent, CollectionStartEvent, Event, ScalarEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.scanner import Scanner

try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    LIBYAML: type[CParser] | None = None
else:
    LIBYAML = CParser if yaml.__with_libyaml__ else None
"""libyaml's parser; None when PyYAML was built without it (or to read all in Python)."""

_DIFFERENT_CHARACTERS = re.compile("[\t\ufeff\ud800-\udfff]")
_LAST_LINE_ENDS = re.compile("[\r\n\x85\u2028\u2029]\\Z")
_BLOCK_HEADER = re.compile("[|>][-+0-9]*[ \r\n\x85\u2028\u2029]")


class Events(Protocol):
    """A YAML parser seen as a stream of events."""

    def get_event(self) -> Event | None:
        """The next event; None only after the end of the stream."""

    def dispose(self) -> None:
        """Release the parser's state."""


class PythonEvents(Reader, Scanner, Parser):
    """PyYAML's pure-Python parser, without composer, constructor or resolver."""

    def __init__(self, text: str) -> None:
        """Parse ``text``, event by event as they are asked for.

        Raises:
            yaml.reader.ReaderError: if ``text`` holds a character that YAML
                does not allow anywhere (PyYAML checks the whole text first).
        """
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)


class ReadsOtherwiseError(Exception):
    """libyaml might read this text otherwise than PyYAML: PyYAML must read it."""


def libyaml_reads_alike(text: str) -> bool:
    """Whether nothing in ``text`` as a whole makes libyaml read it otherwise than PyYAML.

    libyaml allows tabs where PyYAML refuses them, skips a byte order mark at
    the start of any line (PyYAML only at the start of the text), cannot be
    given a lone surrogate, and ends a last line that has no line break, which
    moves the positions of values left empty there.
    """
    return not _DIFFERENT_CHARACTERS.search(text) and bool(_LAST_LINE_ENDS.search(text))


class LibyamlEvents:
    """libyaml's events, stopped where PyYAML's parser might read the text otherwise.

    PyYAML refuses a comment right after a block scalar's indicator (``|#``);
    in flow collections (``[...]``, ``{...}``) it ends an unquoted scalar at
    ``?`` and places some empty scalars elsewhere. libyaml does none of this.
    """

    def __init__(self, text: str, parser: type[CParser]) -> None:
        """Parse ``text`` with ``parser`` (libyaml's), event by event as they are asked for."""
        self._text = text
        self._parser = parser(text)
        self._flow_depth = 0

    def get_event(self) -> Event | None:
        """The next event, when PyYAML reads the same one.

        Raises:
            ReadsOtherwiseError: at a scalar that PyYAML might read otherwise.
            yaml.YAMLError: at a syntax error, in libyaml's words.
        """
        event = self._parser.get_event()
        if isinstance(event, CollectionStartEvent) and event.flow_style:
            self._flow_depth += 1  # a flow collection holds flow collections only
        elif isinstance(event, CollectionEndEvent) and self._flow_depth:
            self._flow_depth -= 1
        elif isinstance(event, ScalarEvent) and not self._reads_alike(event):
            raise ReadsOtherwiseError
        return event

    def dispose(self) -> None:
        """Release the parser's state."""
        self._parser.dispose()

    def _reads_alike(self, event: ScalarEvent) -> bool:
        """Whether PyYAML reads the scalar of ``event`` as libyaml did."""
        if event.style in {"|", ">"}:  # libyaml's marks count characters, as str indexes do
            start = event.start_mark.index if event.start_mark else 0
            return bool(_BLOCK_HEADER.match(self._text, start))
        if self._flow_depth and not event.style:  # plain: None (PyYAML) or "" (libyaml)
            return bool(event.value) and "?" not in event.value
        return True
