"""SCORM 1.2: the package's ``imsmanifest.xml`` and what its reporting script needs.

A Berdaya SCORM package is one SCO: the curriculum's single file (the learner's
copy) as ``index.html``, with ``berdaya-scorm.js`` and the data of
:func:`scorm_data` in it. The script reports to the LMS as docs/scorm.md says.

Pure: a curriculum in, XML text and JSON-ready data out. The XML is written with
the standard library (``xml.etree.ElementTree``), so every text is escaped.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from generator.content.prepost import resolve_tests
from generator.content.project import CurriculumSource
from generator.site.seal import seal

LAUNCH = "index.html"
"""The SCO's launch page in the package: the single file itself."""
MANIFEST = "imsmanifest.xml"
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_MASTERY = 70
"""The pass mark of the post-test when no module has a quiz (a quiz's default ``pass``)."""
_NOT_IDENTIFIER = re.compile(r"[^A-Za-z0-9_.-]")


def mastery_score(c: CurriculumSource) -> int:
    """The package's pass mark: the mean of the module quizzes' ``pass``, rounded half up.

    It is the manifest's ``adlcp:masteryscore`` and the mark the post-test score is
    compared with (an LMS may override it through ``cmi.student_data.mastery_score``).
    """
    marks = [m.model.quiz.pass_mark for m in c.modules if m.model.quiz is not None]
    if not marks:
        return DEFAULT_MASTERY
    return (2 * sum(marks) + len(marks)) // (2 * len(marks))


def scorm_data(c: CurriculumSource) -> dict[str, Any]:
    """The data of ``.berdaya-scorm`` for ``berdaya-scorm.js``.

    ``modules``: the modules with a quiz, in curriculum order, with their pass marks
    (one objective each); ``mastery``: :func:`mastery_score`; ``post``: the
    post-test's key (``Q`` list of docs/assessment.md), sealed with the salt
    ``<curriculum>/post`` as quiz answers are, or null without tests.
    """
    tests = resolve_tests(c)
    post = tests.get("post")
    return {
        "curriculum": c.id,
        "modules": [
            {"id": m.id, "pass": m.model.quiz.pass_mark}
            for m in c.modules
            if m.model.quiz is not None
        ],
        "mastery": mastery_score(c),
        "post": seal(post.keys, f"{c.id}/post") if post is not None else None,
    }


def identifier(text: str) -> str:
    """An XML ``ID``-safe identifier made of ``text`` (letters, digits, ``_ . -``)."""
    return _NOT_IDENTIFIER.sub("-", text)


def manifest(c: CurriculumSource) -> str:
    """The ``imsmanifest.xml`` of the curriculum's package (SCORM 1.2, one SCO)."""
    ET.register_namespace("", CP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("imsmd", IMSMD)
    base = identifier(f"berdaya-{c.id}")
    root = ET.Element(f"{{{CP}}}manifest", {"identifier": base, "version": c.model.version or "1"})
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", "ADL SCORM")
    _sub(metadata, "schemaversion", "1.2")
    metadata.append(_lom(c))
    organizations = _sub(root, "organizations", attributes={"default": f"{base}-org"})
    organization = _sub(organizations, "organization", attributes={"identifier": f"{base}-org"})
    _sub(organization, "title", c.model.title)
    item = _sub(
        organization,
        "item",
        attributes={
            "identifier": f"{base}-item",
            "identifierref": f"{base}-sco",
            "isvisible": "true",
        },
    )
    _sub(item, "title", c.model.title)
    ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(mastery_score(c))
    resources = _sub(root, "resources")
    resource = _sub(
        resources,
        "resource",
        attributes={
            "identifier": f"{base}-sco",
            "type": "webcontent",
            f"{{{ADLCP}}}scormtype": "sco",
            "href": LAUNCH,
        },
    )
    _sub(resource, "file", attributes={"href": LAUNCH})
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'


def _sub(
    parent: ET.Element, tag: str, text: str | None = None, attributes: dict[str, str] | None = None
) -> ET.Element:
    """A child of the content-packaging namespace, with its text and attributes."""
    element = ET.SubElement(parent, f"{{{CP}}}{tag}", attributes or {})
    if text is not None:
        element.text = text
    return element


def _lom(c: CurriculumSource) -> ET.Element:
    """The IMS metadata (LOM 1.2.1) of the package: title, language, description, version."""
    lang = c.language
    lom = ET.Element(f"{{{IMSMD}}}lom")
    general = ET.SubElement(lom, f"{{{IMSMD}}}general")
    _langstring(ET.SubElement(general, f"{{{IMSMD}}}title"), c.model.title, lang)
    ET.SubElement(general, f"{{{IMSMD}}}language").text = lang
    summary = " ".join(c.model.summary.split())
    _langstring(ET.SubElement(general, f"{{{IMSMD}}}description"), summary, lang)
    if c.model.version:
        lifecycle = ET.SubElement(lom, f"{{{IMSMD}}}lifecycle")
        _langstring(ET.SubElement(lifecycle, f"{{{IMSMD}}}version"), c.model.version, lang)
    return lom


def _langstring(parent: ET.Element, text: str, lang: str) -> None:
    element = ET.SubElement(parent, f"{{{IMSMD}}}langstring", {XML_LANG: lang})
    element.text = text
