r"""Reading GIFT, the subset Moodle documents, into Berdaya questions with positions.

The file is read as Moodle's own importer reads it (``question/format/gift``):
questions are blocks separated by blank lines; lines starting with ``//`` are
comments (``[id:...]`` and ``[tag:...]`` in them are read, and Berdaya's own
``// berdaya-...:`` lines); ``$CATEGORY:`` starts a category; ``::title::``
names a question; ``\\`` escapes ``~ = # { } :`` and ``\\n`` is a line break;
``[html]``, ``[moodle]``, ``[plain]`` and ``[markdown]`` choose the text format.
Types: multiple choice (``=``, ``~``, ``~%50%``), true/false, short answer,
numerical (``#answer:tolerance``, ``#min..max``) and matching (``=left -> right``).
Every position is the line and column in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.diagnostics import Position
from generator.lms.imported import ImportedQuestion, Reading, ordered, question_id
from generator.lms.markup import escape_markdown, from_html
from generator.lms.names import from_shortanswer
from generator.lms.numbers import OBJECTIVE_TAG

_PUA = 0xE000
_CONTROLS = ":#={}~"
_WEIGHT = re.compile("^%-*([0-9]{1,2})\\.?([0-9]*)%")
_ID = re.compile(r"\[id:((?:\\]|[^\]\x00-\x1f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\]|[^\]<>\x00-\x1f])+)\]")
_OURS = re.compile(r"^//\s*berdaya-([a-z]+):\s?(.*)$")
_FORMATS = ("html", "moodle", "plain", "markdown")
_TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}
RIGHT = 1.0


def read_gift(path: Path, text: str) -> Reading:
    """The questions of a GIFT file (``text``, read from ``path``)."""
    reading = Reading()
    category = ""
    for start, lines in _blocks(text):
        block = _Block(path, start, lines, reading)
        if not block.text:  # comments only
            continue
        if block.text.startswith("$CATEGORY:"):
            category = block.restore(block.text[len("$CATEGORY:") :]).strip()
            continue
        data = block.question()
        if data is not None:
            reading.questions.append(ImportedQuestion(data, block.position(0), category))
    return reading


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blocks of lines separated by blank lines, with the number of their first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), 1):
        if line.strip():
            if not current:
                start = number
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))
    return blocks


@dataclass
class _Piece:
    """A part of the unescaped text and its index there (for positions)."""

    text: str
    at: int


class _Block:
    """One question block: comments apart, escapes replaced, positions kept."""

    def __init__(self, path: Path, start: int, lines: list[str], reading: Reading) -> None:
        self.path, self.reading = path, reading
        self.comments: list[str] = []
        kept: list[str] = []
        for line in lines:
            if line.strip().startswith("//"):
                self.comments.append(line.strip())
                kept.append("")
            else:
                kept.append(line)
        raw = "\n".join(kept)
        self.starts = [start]
        self.line_offsets = [0]
        for i, char in enumerate(raw):
            if char == "\n":
                self.line_offsets.append(i + 1)
        chars: list[str] = []
        self.origin: list[int] = []
        i = len(raw) - len(raw.lstrip())
        end = len(raw.rstrip())
        while i < end:
            char, after = raw[i], raw[i + 1] if i + 1 < end else ""
            if char == "\\" and after == "\\":
                chars.append("\\")
            elif char == "\\" and after in _CONTROLS + "n" and after:
                chars.append(chr(_PUA + (10 if after == "n" else ord(after))))
            else:
                chars.append(char)
                self.origin.append(i)
                i += 1
                continue
            self.origin.append(i)
            i += 2
        self.text = "".join(chars)
        self.first_line = start

    def position(self, index: int) -> Position:
        """The file position of ``index`` in the unescaped text."""
        offset = self.origin[min(index, len(self.origin) - 1)] if self.origin else 0
        line = max(n for n, o in enumerate(self.line_offsets) if o <= offset)
        return Position(self.path, self.first_line + line, offset - self.line_offsets[line] + 1)

    @staticmethod
    def restore(text: str) -> str:
        """Escaped characters back to themselves."""
        return "".join(
            ("\n" if ord(c) == _PUA + 10 else chr(ord(c) - _PUA))
            if _PUA <= ord(c) < _PUA + 128
            else c
            for c in text
        )

    def markdown(self, piece: _Piece, default: str) -> tuple[str, str]:
        """A text of the question as Markdown, and its format (a ``[format]`` or ``default``)."""
        text, fmt = piece.text.strip(), default
        if text.startswith("["):
            name = text[1 : text.find("]")] if "]" in text else ""
            if name in _FORMATS:
                fmt, text = name, text[len(name) + 2 :]
        value = self.restore(text).strip()
        if fmt == "markdown":
            return value, fmt
        if fmt == "plain":
            return escape_markdown(value), fmt
        converted = from_html(value.replace("\n", "<br>") if fmt == "moodle" else value)
        for tag in converted.dropped:
            self.reading.warn(
                self.position(piece.at), f"<{tag}> has no Markdown form: only its text is kept"
            )
        return converted.markdown, fmt

    def question(self) -> dict[str, Any] | None:
        """The question's data, or None when it has no Berdaya form (reported)."""
        text, at = self.text, 0
        name = ""
        if text.startswith("::"):
            end = text.find("::", 2)
            if end >= 0:
                name = self.restore(text[2:end]).strip()
                at = end + 2
        opening, closing = text.find("{", at), text.find("}", at)
        if opening < 0 and closing < 0:
            self.reading.warn(self.position(0), "a description (no answers) is not a question")
            return None
        if opening < 0 or closing < opening:
            self.reading.fail(self.position(max(opening, closing)), "unmatched '{' or '}'")
            return None
        rest = text[closing + 1 :]
        prompt_text = text[at:opening] + ("_____" + rest if rest.strip() else "")
        answers = _Piece(text[opening + 1 : closing], opening + 1)
        general = ""
        if "####" in answers.text:
            cut = answers.text.rfind("####")
            general = answers.text[cut + 4 :]
            answers = _Piece(answers.text[:cut], answers.at)
        prompt, fmt = self.markdown(_Piece(prompt_text, at), "moodle")
        data: dict[str, Any] = {"prompt": prompt}
        if general.strip():
            data["explanation"] = self.markdown(_Piece(general, closing), fmt)[0]
        if not _Reader(self, fmt, data).answers(answers):
            return None
        self._comments(data, name)
        return ordered(data)

    def _comments(self, data: dict[str, Any], name: str) -> None:
        comments = "\n".join(self.comments)
        found = _ID.search(comments)
        explicit = found.group(1).replace("\\]", "]").strip() if found else ""
        data["id"] = question_id(explicit, name, data["prompt"])
        for tag in _TAG.findall(comments):
            value = tag.replace("\\]", "]").strip()
            if value.startswith(OBJECTIVE_TAG):
                data["objective"] = value[len(OBJECTIVE_TAG) :]
            else:
                self.reading.warn(self.position(0), f"the tag '{value}' is not kept")
        for comment in self.comments:
            ours = _OURS.match(comment)
            if ours is None:
                continue
            key, value = ours.group(1), self.restore(_Block.escaped(ours.group(2)))
            if key == "points" and value.strip().isdigit():
                data["points"] = int(value)
            elif key in {"hint", "unit"}:
                data[key] = value
            elif key == "type" and value.strip() == "order":
                _as_order(data)

    @staticmethod
    def escaped(text: str) -> str:
        """Escapes of a comment's value replaced as in the question text."""
        out, i = [], 0
        while i < len(text):
            char, after = text[i], text[i + 1 : i + 2]
            if char == "\\" and after == "\\":
                out.append("\\")
                i += 2
            elif char == "\\" and after and after in _CONTROLS + "n":
                out.append(chr(_PUA + (10 if after == "n" else ord(after))))
                i += 2
            else:
                out.append(char)
                i += 1
        return "".join(out)


def _as_order(data: dict[str, Any]) -> None:
    """A matching of positions ``1``, ``2``, ... to items, written for ``order``, as order."""
    pairs = data.get("pairs", [])
    if data.get("type") == "match" and [p["left"] for p in pairs] == [
        str(i) for i in range(1, len(pairs) + 1)
    ]:
        data["type"] = "order"
        data["items"] = [p["right"] for p in pairs]
        del data["pairs"]


def _split(piece: _Piece, markers: str) -> list[_Piece]:
    """``piece`` cut before every marker character; a first part of spaces is dropped."""
    parts: list[_Piece] = []
    start = 0
    for i, char in enumerate(piece.text):
        if char in markers:
            parts.append(_Piece(piece.text[start:i], piece.at + start))
            start = i
    parts.append(_Piece(piece.text[start:], piece.at + start))
    if parts and not parts[0].text.strip():
        parts.pop(0)
    return [_Piece(p.text.strip(), p.at + len(p.text) - len(p.text.lstrip())) for p in parts]


def _weight(piece: _Piece, default: float) -> tuple[float, _Piece]:
    found = _WEIGHT.match(piece.text)
    if found is None:
        return default, piece
    end = piece.text.index("%", 1)
    try:
        value = float(piece.text[1:end]) / 100
    except ValueError:
        value = default
    return value, _Piece(piece.text[end + 1 :], piece.at + end + 1)


def _feedback(piece: _Piece) -> tuple[_Piece, _Piece | None]:
    if "#" not in piece.text:
        return piece, None
    cut = piece.text.index("#")
    return _Piece(piece.text[:cut], piece.at), _Piece(piece.text[cut + 1 :], piece.at + cut + 1)


class _Reader:
    """The answers of one question, by the type Moodle would give it."""

    def __init__(self, block: _Block, fmt: str, data: dict[str, Any]) -> None:
        self.block, self.fmt, self.data = block, fmt, data
        self.reading = block.reading

    def warn(self, piece: _Piece, message: str) -> None:
        self.reading.warn(self.block.position(piece.at), message)

    def answers(self, piece: _Piece) -> bool:
        text = piece.text.strip()
        if not text:
            self.warn(piece, "an essay question (no answers) has no Berdaya form: not imported")
            return False
        if text.startswith("#"):
            return self.numerical(_Piece(piece.text[piece.text.index("#") + 1 :], piece.at + 1))
        if "~" in text:
            return self.multichoice(piece)
        if "=" in text and "->" in text:
            return self.matching(piece)
        truth = text.split("#", 1)[0].strip()
        if truth in _TRUE_FALSE:
            self.data.update(type="true-false", answer=_TRUE_FALSE[truth])
            if "#" in text and text.split("#", 1)[1].replace("#", "").strip():
                self.warn(piece, "true/false feedback is not kept (Berdaya has an explanation)")
            return True
        return self.shortanswer(piece)

    def multichoice(self, piece: _Piece) -> bool:
        single = "=" in piece.text
        choices: list[dict[str, Any]] = []
        weights: list[float] = []
        for part in _split(piece, "~="):
            if part.text.startswith("="):
                weight, rest = RIGHT, _Piece(part.text[1:], part.at + 1)
            else:
                body = _Piece(part.text[1:], part.at + 1) if part.text[:1] == "~" else part
                weight, rest = _weight(_Piece(body.text.strip(), body.at), 0.0)
            text, feedback = _feedback(rest)
            choice: dict[str, Any] = {"text": self.block.markdown(text, self.fmt)[0]}
            if weight > 0 if not single else weight >= RIGHT:
                choice["correct"] = True
            if feedback is not None and feedback.text.strip():
                choice["feedback"] = self.block.markdown(feedback, self.fmt)[0]
            choices.append(choice)
            weights.append(weight)
            if single and 0 < weight < RIGHT:
                self.warn(part, f"the partial grade {weight:.0%} is not kept: a wrong choice")
        self.data.update(type="single" if single else "multiple", choices=choices)
        if not single:
            self._check_grades(piece, weights)
        return True

    def _check_grades(self, piece: _Piece, weights: list[float]) -> None:
        right = sum(1 for w in weights if w > 0)
        share = 1 / right if right else 0
        if any(abs(w - (share if w > 0 else -share)) > 1e-4 for w in weights):
            self.warn(
                piece,
                "the grades differ from Berdaya's partial credit (right choices 1/k each, "
                "wrong choices -1/k): imported as right (grade above 0) and wrong choices",
            )

    def matching(self, piece: _Piece) -> bool:
        pairs: list[dict[str, str]] = []
        for part in _split(piece, "="):
            body = _Piece(part.text[1:], part.at + 1)
            if "->" not in body.text:
                self.reading.fail(self.block.position(part.at), "a matching pair needs '->'")
                return False
            cut = body.text.index("->")
            left = _Piece(body.text[:cut], body.at)
            right = escape_markdown(self.block.restore(body.text[cut + 2 :]).strip())
            if not left.text.strip():
                self.warn(part, "an extra answer without a question is not kept")
                continue
            pairs.append({"left": self.block.markdown(left, self.fmt)[0], "right": right})
        self.data.update(type="match", pairs=pairs)
        return True

    def shortanswer(self, piece: _Piece) -> bool:
        answers: list[str] = []
        for part in _split(piece, "="):
            body = _Piece(part.text[1:], part.at + 1) if part.text[:1] == "=" else part
            weight, rest = _weight(_Piece(body.text.strip(), body.at), RIGHT)
            text, feedback = _feedback(rest)
            value = self.block.restore(text.text).strip()
            for name in _FORMATS:
                value = value.removeprefix(f"[{name}]")
            if weight < RIGHT:
                self.warn(
                    part, f"an answer graded {weight:.0%} is not kept (Berdaya: right or not)"
                )
                continue
            if feedback is not None and feedback.text.strip():
                self.warn(feedback, "feedback on a short answer is not kept")
            answer, wildcard = from_shortanswer(value.strip())
            if wildcard:
                self.warn(part, "the wildcard '*' is kept as the character '*'")
            answers.append(answer)
        self.data.update(type="text", answers=answers)
        return True

    def numerical(self, piece: _Piece) -> bool:
        text = piece.text
        if "~" in text:
            wrong = text.index("~")
            self.warn(_Piece("", piece.at + wrong), "feedback for wrong numbers is not kept")
            piece = _Piece(text[:wrong], piece.at)
        found = False
        for part in _split(piece, "="):
            body = _Piece(part.text[1:], part.at + 1) if part.text[:1] == "=" else part
            weight, rest = _weight(_Piece(body.text.strip(), body.at), RIGHT)
            value, feedback = _feedback(rest)
            if feedback is not None and feedback.text.strip():
                self.warn(feedback, "feedback on a number is not kept")
            number = _number(self.block.restore(value.text).strip())
            if number is None:
                self.reading.fail(self.block.position(part.at), "not a number")
                return False
            if weight < RIGHT or found:
                self.warn(part, "only the first fully right number is kept")
                continue
            found = True
            self.data.update(type="number", answer=number[0])
            if number[1]:
                self.data["tolerance"] = abs(number[1])
        return found


def _number(text: str) -> tuple[float, float] | None:
    """``answer``, ``answer:tolerance`` or ``min..max`` as (answer, tolerance)."""
    try:
        if ".." in text[1:]:
            low, high = (float(v) for v in text.split("..", 1))
            return (low + high) / 2, (high - low) / 2
        if ":" in text[1:]:
            answer, tolerance = text.split(":", 1)
            return float(answer), float(tolerance)
        return float(text), 0.0
    except ValueError:
        return None
