"""Reading Moodle XML into Berdaya questions, with the line and column of every element.

The file is parsed with expat (``xml.parsers.expat``, which reports where each
element starts) into small :class:`_Element` nodes; a document type
declaration is refused (no entities from elsewhere). Types read:
``multichoice``, ``truefalse``, ``shortanswer``, ``numerical``, ``matching``
and ``ordering``, and ``category`` entries; any other type is reported and
skipped. Text in ``html`` or ``moodle_auto_format`` becomes Markdown
(:func:`generator.lms.markup.from_html`), ``markdown`` is kept, ``plain_text``
escaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from generator.content.diagnostics import Position
from generator.lms.imported import ImportedQuestion, Reading, ordered, question_id
from generator.lms.markup import escape_markdown, from_html
from generator.lms.names import from_shortanswer
from generator.lms.numbers import OBJECTIVE_TAG


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[_Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> _Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[_Element]:
        return [c for c in self.children if c.tag == tag]

    def value(self, tag: str, default: str = "") -> str:
        found = self.find(tag)
        return found.text.strip() if found is not None else default


class XmlSyntaxError(ValueError):
    """The file is not well-formed XML (with the position expat gives)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        """The message and where expat stopped."""
        super().__init__(message)
        self.line, self.column = line, column


def _parse(data: bytes) -> _Element:
    parser = expat.ParserCreate()
    root = _Element("#document", {}, 1, 1)
    stack = [root]

    def start(tag: str, attrs: dict[str, str]) -> None:
        node = _Element(tag, attrs, parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        stack[-1].children.append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def text(value: str) -> None:
        stack[-1].text += value

    def doctype(*_args: object) -> None:
        raise XmlSyntaxError(
            "a document type declaration is not read",
            parser.CurrentLineNumber,
            parser.CurrentColumnNumber + 1,
        )

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    try:
        parser.Parse(data, True)  # noqa: FBT003 - expat's isfinal
    except expat.ExpatError as exc:
        raise XmlSyntaxError(expat.errors.messages[exc.code], exc.lineno, exc.offset + 1) from exc
    return root


def read_moodle_xml(path: Path, data: bytes) -> Reading:
    """The questions of a Moodle XML file."""
    reading = Reading()
    try:
        root = _parse(data)
    except XmlSyntaxError as exc:
        reading.fail(Position(path, exc.line, exc.column), f"not well-formed XML: {exc}")
        return reading
    quiz = root.find("quiz")
    if quiz is None:
        reading.fail(Position(path), "not Moodle XML: the top element must be <quiz>")
        return reading
    category = ""
    for element in quiz.all("question"):
        qtype = element.attrs.get("type", "")
        where = Position(path, element.line, element.column)
        if qtype == "category":
            category = _text(element.find("category"))
            continue
        reader = _Question(path, element, reading)
        found = reader.read(qtype)
        if found is not None:
            reading.questions.append(ImportedQuestion(found, where, category))
    return reading


def _text(element: _Element | None) -> str:
    if element is None:
        return ""
    inner = element.find("text")
    return (inner.text if inner is not None else element.text).strip()


class _Question:
    """One ``<question>`` element read as Berdaya data."""

    def __init__(self, path: Path, element: _Element, reading: Reading) -> None:
        self.path, self.element, self.reading = path, element, reading

    def at(self, element: _Element) -> Position:
        return Position(self.path, element.line, element.column)

    def warn(self, element: _Element, message: str) -> None:
        self.reading.warn(self.at(element), message)

    def markdown(self, element: _Element | None, fmt: str | None = None) -> str:
        """An element's text as Markdown, by its ``format`` attribute."""
        if element is None:
            return ""
        value = _text(element)
        fmt = fmt or element.attrs.get("format", "html")
        if fmt == "markdown":
            return value
        if fmt == "plain_text":
            return escape_markdown(value)
        converted = from_html(value.replace("\n", "<br>") if fmt == "moodle_auto_format" else value)
        for tag in converted.dropped:
            self.warn(element, f"<{tag}> has no Markdown form: only its text is kept")
        return converted.markdown

    def read(self, qtype: str) -> dict[str, Any] | None:
        element = self.element
        readers = {
            "multichoice": self.multichoice,
            "truefalse": self.truefalse,
            "shortanswer": self.shortanswer,
            "numerical": self.numerical,
            "matching": self.matching,
            "ordering": self.ordering,
        }
        if qtype not in readers:
            self.warn(element, f"the Moodle question type '{qtype}' has no Berdaya form: skipped")
            return None
        prompt = self.markdown(element.find("questiontext"))
        data: dict[str, Any] = {"prompt": prompt}
        explanation = self.markdown(element.find("generalfeedback"))
        if explanation:
            data["explanation"] = explanation
        grade = element.value("defaultgrade", "1")
        try:
            points = round(float(grade))
        except ValueError:
            points = 1
        if points != 1:
            data["points"] = points
        hints = [self.markdown(h) for h in element.all("hint")]
        hints = [h for h in hints if h]
        if hints:
            data["hint"] = hints[0]
            for extra in element.all("hint")[1:]:
                self.warn(extra, "only the first hint is kept")
        self._tags(data)
        if not readers[qtype](data):
            return None
        data["id"] = question_id(
            element.value("idnumber"), _text(element.find("name")), data["prompt"]
        )
        return ordered(data)

    def _tags(self, data: dict[str, Any]) -> None:
        tags = self.element.find("tags")
        for tag in tags.all("tag") if tags is not None else []:
            value = _text(tag)
            if value.startswith(OBJECTIVE_TAG):
                data["objective"] = value[len(OBJECTIVE_TAG) :]
            else:
                self.warn(tag, f"the tag '{value}' is not kept")

    def _fraction(self, answer: _Element) -> float:
        try:
            return float(answer.attrs.get("fraction", "0")) / 100
        except ValueError:
            self.warn(answer, "the grade is not a number: read as 0")
            return 0.0

    def _answer_feedback(self, answer: _Element, what: str) -> None:
        if self.markdown(answer.find("feedback")):
            self.warn(answer, f"feedback on {what} is not kept")

    def multichoice(self, data: dict[str, Any]) -> bool:
        single = self.element.value("single", "true").lower() in {"true", "1"}
        choices: list[dict[str, Any]] = []
        grades: list[float] = []
        for answer in self.element.all("answer"):
            grade = self._fraction(answer)
            choice: dict[str, Any] = {"text": self.markdown(answer)}
            if (grade >= 1) if single else (grade > 0):
                choice["correct"] = True
            feedback = self.markdown(answer.find("feedback"))
            if feedback:
                choice["feedback"] = feedback
            if single and 0 < grade < 1:
                self.warn(answer, f"the partial grade {grade:.0%} is not kept: a wrong choice")
            choices.append(choice)
            grades.append(grade)
        right = sum(1 for g in grades if g > 0)
        share = 1 / right if right else 0
        if not single and any(abs(g - (share if g > 0 else -share)) > 1e-4 for g in grades):
            self.warn(
                self.element,
                "the grades differ from Berdaya's partial credit (right choices 1/k each, "
                "wrong choices -1/k): imported as right (grade above 0) and wrong choices",
            )
        data.update(type="single" if single else "multiple", choices=choices)
        return True

    def truefalse(self, data: dict[str, Any]) -> bool:
        truth = True
        for answer in self.element.all("answer"):
            if _text(answer).lower() == "true":
                truth = self._fraction(answer) >= 1
            self._answer_feedback(answer, "a true/false answer")
        data.update(type="true-false", answer=truth)
        return True

    def shortanswer(self, data: dict[str, Any]) -> bool:
        if self.element.value("usecase", "0") not in {"0", ""}:
            self.warn(self.element, "case-sensitive answers are read as Berdaya's (case ignored)")
        answers: list[str] = []
        for answer in self.element.all("answer"):
            grade = self._fraction(answer)
            if grade < 1:
                self.warn(
                    answer, f"an answer graded {grade:.0%} is not kept (Berdaya: right or not)"
                )
                continue
            self._answer_feedback(answer, "a short answer")
            text, wildcard = from_shortanswer(_text(answer))
            if wildcard:
                self.warn(answer, "the wildcard '*' is kept as the character '*'")
            answers.append(text)
        data.update(type="text", answers=answers)
        return True

    def numerical(self, data: dict[str, Any]) -> bool:
        found = False
        for answer in self.element.all("answer"):
            grade, value = self._fraction(answer), _text(answer)
            if value == "*":
                self._answer_feedback(answer, "any other number")
                continue
            if grade < 1 or found:
                self.warn(answer, "only the first fully right number is kept")
                continue
            try:
                number = float(value)
                tolerance = float(answer.value("tolerance", "0") or 0)
            except ValueError:
                self.reading.fail(self.at(answer), f"not a number: '{value}'")
                return False
            self._answer_feedback(answer, "a number")
            data.update(type="number", answer=number)
            if tolerance:
                data["tolerance"] = abs(tolerance)
            found = True
        units = self.element.find("units")
        for i, unit in enumerate(units.all("unit") if units is not None else []):
            if i == 0 and unit.value("multiplier", "1") in {"1", "1.0", "1.0000000"}:
                data["unit"] = unit.value("unit_name")
            else:
                self.warn(unit, "only the first unit (multiplier 1) is kept")
        if not found:
            self.warn(self.element, "a numerical question without a right number: skipped")
        return found

    def matching(self, data: dict[str, Any]) -> bool:
        pairs: list[dict[str, str]] = []
        for sub in self.element.all("subquestion"):
            right = escape_markdown(_text(sub.find("answer")))
            if not _text(sub):
                self.warn(sub, "an extra answer without a question is not kept")
                continue
            pairs.append({"left": self.markdown(sub), "right": right})
        data.update(type="match", pairs=pairs)
        return True

    def ordering(self, data: dict[str, Any]) -> bool:
        answers = self.element.all("answer")
        ranked = sorted(enumerate(answers), key=lambda pair: (self._fraction(pair[1]), pair[0]))
        data.update(type="order", items=[self.markdown(a) for _, a in ranked])
        grading = self.element.value("gradingtype", "ABSOLUTE_POSITION").upper()
        if grading not in {"ABSOLUTE_POSITION", "ABSOLUTE", "ABS"}:
            self.warn(self.element, f"grading '{grading}' is read as Berdaya's (right positions)")
        if self.element.value("selecttype", "ALL").upper() not in {"ALL", "EXACT"}:
            self.warn(self.element, "a subset of the items is read as all of them")
        return True
