"""A structural check of a SCORM 1.2 ``imsmanifest.xml``, as the ADL conformance rules state it.

What an LMS needs of a package's manifest (IMS Content Packaging 1.1.2 with the
ADL SCORM 1.2 extensions): the root ``manifest`` in the IMS CP namespace with an
``identifier``; ``metadata`` with ``schema`` "ADL SCORM" and ``schemaversion``
"1.2"; ``organizations`` whose ``default`` names one of its ``organization``
elements, each with a ``title`` and ``item`` elements with titles, an item's
``identifierref`` naming a resource; ``resources`` whose SCO resources have
``adlcp:scormtype="sco"``, ``type="webcontent"`` and an ``href`` that is a file
of the package; every ``file href`` a file of the package; identifiers unique
and valid XML names; ``adlcp:masteryscore`` a whole number 0-100.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree as ET

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def manifest_problems(xml: bytes, files: set[str]) -> list[str]:
    """What is wrong with the manifest ``xml`` of a package holding ``files``; [] when nothing."""
    problems: list[str] = []
    root = ET.fromstring(xml)  # noqa: S314 - our own output
    if root.tag != f"{CP}manifest":
        return [f"the root is {root.tag}, not the IMS CP manifest"]
    ids = [e.get("identifier") for e in root.iter() if e.get("identifier") is not None]
    problems += [f"identifier {i!r} is not an XML name" for i in ids if not _NAME.match(i or "")]
    if len(set(ids)) != len(ids):
        problems.append(f"identifiers repeat: {ids}")
    if root.get("identifier") is None:
        problems.append("the manifest has no identifier")
    schema = root.findtext(f"{CP}metadata/{CP}schema")
    version = root.findtext(f"{CP}metadata/{CP}schemaversion")
    if (schema, version) != ("ADL SCORM", "1.2"):
        problems.append(f"metadata schema {schema!r} {version!r}, not 'ADL SCORM' '1.2'")
    resources = {r.get("identifier"): r for r in root.findall(f"{CP}resources/{CP}resource")}
    if not resources:
        problems.append("no resource")
    problems += _organizations(root, set(resources))
    return problems + _resources(resources, files)


def _resources(resources: dict[str | None, ET.Element], files: set[str]) -> list[str]:
    problems = []
    for key, resource in resources.items():
        if resource.get("type") != "webcontent":
            problems.append(f"resource {key}: type {resource.get('type')!r}")
        kind = resource.get(f"{ADLCP}scormtype")
        if kind not in {"sco", "asset"}:
            problems.append(f"resource {key}: adlcp:scormtype {kind!r}")
        href = resource.get("href")
        if kind == "sco" and href not in files:
            problems.append(f"resource {key}: href {href!r} is not in the package")
        problems += [
            f"resource {key}: file {file.get('href')!r} is not in the package"
            for file in resource.findall(f"{CP}file")
            if file.get("href") not in files
        ]
    return problems


def _organizations(root: ET.Element, resources: set[str | None]) -> list[str]:
    problems = []
    organizations = root.find(f"{CP}organizations")
    if organizations is None:
        return ["no organizations"]
    found = {o.get("identifier"): o for o in organizations.findall(f"{CP}organization")}
    if organizations.get("default") not in found:
        problems.append(f"default organization {organizations.get('default')!r} does not exist")
    for key, organization in found.items():
        if not (organization.findtext(f"{CP}title") or "").strip():
            problems.append(f"organization {key} has no title")
        items = list(organization.iter(f"{CP}item"))
        if not items:
            problems.append(f"organization {key} has no item")
        for item in items:
            if not (item.findtext(f"{CP}title") or "").strip():
                problems.append(f"item {item.get('identifier')} has no title")
            ref = item.get("identifierref")
            if ref is not None and ref not in resources:
                problems.append(f"item {item.get('identifier')}: no resource {ref!r}")
            mastery = item.findtext(f"{ADLCP}masteryscore")
            if mastery is not None and not (mastery.isdigit() and 0 <= int(mastery) <= 100):
                problems.append(f"item {item.get('identifier')}: masteryscore {mastery!r}")
    return problems
