"""Placeholders: ``{{ name }}`` replaced by ``vars``, escapes, and every diagnostic's place."""

from __future__ import annotations

import typing
from collections.abc import Iterator

import pytest
from conftest import Workspace
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from support.helpers import FIXTURES

from generator.content.check import read_project
from generator.content.model import Curriculum, Module
from generator.content.model.common import Text
from generator.content.placeholders import (
    FIELDS,
    NOT_REPLACED,
    Miss,
    has_placeholder,
    replace_placeholders,
    substitute,
)
from generator.content.project import CurriculumSource, load_curricula

TEMPAT = FIXTURES / "vars" / "tempat"
CURRICULUM = "contoh/curriculum.yml"
HARGA = "contoh/modules/harga.yml"
VALUES = {"kabupaten": "Kabupaten Contoh", "koperasi": "Koperasi Maju Bersama"}


# --- the substitution itself ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Di {{ kabupaten }}.", "Di Kabupaten Contoh."),
        ("Di {{kabupaten}}.", "Di Kabupaten Contoh."),
        ("Di {{   kabupaten\t}}.", "Di Kabupaten Contoh."),
        ("{{ kabupaten }}{{ koperasi }}", "Kabupaten ContohKoperasi Maju Bersama"),
        ("Tulis \\{{ kabupaten }} di papan.", "Tulis {{ kabupaten }} di papan."),
        ("Kurung \\{{ saja", "Kurung {{ saja"),
        ("Tutup }} saja, dan \\}} juga", "Tutup }} saja, dan \\}} juga"),
        ("Tanpa kurung", "Tanpa kurung"),
        (
            "`{{ koperasi }}` dan ```\n{{ koperasi }}\n```",
            "`Koperasi Maju Bersama` dan ```\nKoperasi Maju Bersama\n```",
        ),
        ("{ {kabupaten} }", "{ {kabupaten} }"),
    ],
)
def test_placeholders_are_replaced_and_escapes_written_out(text: str, expected: str) -> None:
    assert replace_placeholders(text, VALUES) == (expected, [])


def test_a_value_is_inserted_as_written_and_not_searched_again() -> None:
    values = {"a": "{{ b }} \\{{ c", "b": "<b>tebal</b>"}
    assert replace_placeholders("{{ a }} / {{ b }}", values) == (
        "{{ b }} \\{{ c / <b>tebal</b>",
        [],
    )


def test_what_cannot_be_replaced_stays_and_is_reported() -> None:
    text, misses = replace_placeholders("{{ kabupatn }}, {{ 1 + 2 }} dan {{ x", VALUES)
    assert text == "{{ kabupatn }}, {{ 1 + 2 }} dan {{ x"
    assert misses == [
        Miss(0, "{{ kabupatn }}", "kabupatn", "{{ kabupatn }}"),
        Miss(16, "{{", None, "{{ 1 + 2 }}"),
        Miss(32, "{{", None, "{{"),
    ]


def test_has_placeholder_ignores_escaped_braces() -> None:
    assert has_placeholder("https://x/{{ a }}")
    assert not has_placeholder("\\{{ a }}")
    assert not has_placeholder("}} tanpa pembuka")


# --- which fields --------------------------------------------------------------


def _models(root: type[BaseModel]) -> Iterator[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    todo = [root]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for info in model.model_fields.values():
            todo += [t for t in _types(info.annotation) if isinstance(t, type)]
            todo = [t for t in todo if issubclass(t, BaseModel)]


def _types(annotation: object) -> Iterator[object]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _types(arg)


_TEXT = typing.get_args(Text)[1:]


def _holds_text(info: FieldInfo) -> bool:
    """Whether a field is text (pydantic moves a bare ``Text``'s constraints to its metadata)."""
    if info.annotation is str and all(m in info.metadata for m in _TEXT):
        return True
    return any(t == Text for t in _types(info.annotation))


def test_every_text_field_is_either_replaced_or_named_as_not_replaced() -> None:
    text_fields = {
        (model, name)
        for root in (Curriculum, Module)
        for model in _models(root)
        for name, info in model.model_fields.items()
        if _holds_text(info)
    }
    listed = {
        (model, name)
        for table in (FIELDS, NOT_REPLACED)
        for model in table
        for name in table[model]
    }
    assert text_fields == listed
    for model in FIELDS:
        assert not FIELDS[model] & NOT_REPLACED.get(model, frozenset()), model


def _instances(value: object) -> Iterator[BaseModel]:
    if isinstance(value, BaseModel):
        yield value
        for name in type(value).model_fields:
            yield from _instances(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _instances(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _instances(item)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


@pytest.fixture(scope="module")
def tempat() -> CurriculumSource:
    project = read_project([TEMPAT])
    assert project.diagnostics == []
    return project.curricula[0]


def test_every_kind_of_field_is_replaced(tempat: CurriculumSource) -> None:
    """The fixture has a placeholder in every field of FIELDS; each one is replaced."""
    values = ("Kabupaten Contoh", "Koperasi Maju Bersama", "Rp15.000", "1.000")
    replaced: set[tuple[type[BaseModel], str]] = set()
    roots = [tempat.model, *(m.model for m in tempat.modules)]
    for instance in (i for root in roots for i in _instances(root)):
        for name in FIELDS.get(type(instance), frozenset()):
            for text in _strings(getattr(instance, name)):
                assert "{{ k" not in text, (type(instance), name, text)
                assert "{{ h" not in text, (type(instance), name, text)
                if any(value in text for value in values):
                    replaced.add((type(instance), name))
    missing = {(m.__name__, n) for m in FIELDS for n in FIELDS[m]} - {
        (m.__name__, n) for m, n in replaced
    }
    assert missing == set(), "add a placeholder in these fields to tests/fixtures/vars/tempat"


def test_prose_keeps_escapes_code_and_numbers_as_written(tempat: CurriculumSource) -> None:
    module = tempat.modules[0].model
    assert module.lessons[0].body == (
        "Sekilo beras di Kabupaten Contoh berharga **Rp15.000**.\n\n"
        "Sawah contoh seluas 1.000 m², dekat `Koperasi Maju Bersama`; "
        "tulis {{ nama }} di papan.\n\n"
        "```\nKoperasi Maju Bersama\n```\n"
    )
    assert tempat.model.title == "Usaha di Kabupaten Contoh"
    assert tempat.model.vars == {
        "kabupaten": "Kabupaten Contoh",
        "harga_beras_kg": "Rp15.000",
        "koperasi": "Koperasi Maju Bersama",
        "luas_m2": 1.0,
    }


def test_references_and_addresses_are_left_alone(tempat: CurriculumSource) -> None:
    demonstration = tempat.model.demonstration
    assert demonstration is not None
    assert demonstration.scale == ["belum", "baik"]
    assert list(demonstration.criteria[0].levels) == ["belum", "baik"]
    assert tempat.model.resources[0].url == "https://example.org/"


def test_the_loaded_models_are_not_changed() -> None:
    [loaded], _ = load_curricula([TEMPAT])
    replaced, found = substitute(loaded)
    assert found == []
    assert loaded.model.title == "Usaha di {{ kabupaten }}"
    assert replaced.model.title == "Usaha di Kabupaten Contoh"
    assert replaced.modules[0].doc is loaded.modules[0].doc


# --- diagnostics, each at its exact place ----------------------------------------


def _with_vars(mini: Workspace, block: str) -> None:
    """Append ``vars:`` to the mini curriculum (lines above stay where they are)."""
    mini.write("curriculum.yml", mini.read("curriculum.yml") + block)


VARS = "vars:\n  kabupaten: Kabupaten Contoh\n  harga_beras_kg: Rp15.000\n"


def test_unknown_name_without_vars(mini: Workspace) -> None:
    mini.edit(
        "curriculum.yml", "summary: Kurikulum kecil", "summary: Kurikulum {{ kabupaten }} kecil"
    )
    assert mini.lines() == [
        (
            f"{CURRICULUM}:3:20: error: summary: unknown placeholder '{{{{ kabupaten }}}}'; "
            "declare it under vars: in curriculum.yml, or write \\{{ to show the braces"
        )
    ]


def test_unknown_name_with_a_close_one(mini: Workspace) -> None:
    _with_vars(mini, VARS)
    mini.edit("curriculum.yml", "  venue: Balai desa", "  venue: Balai desa {{kabupatn}}")
    assert mini.lines() == [
        (
            f"{CURRICULUM}:25:21: error: guide.venue: unknown placeholder '{{{{kabupatn}}}}' "
            "(did you mean 'kabupaten'?)"
        )
    ]


def test_unknown_name_lists_the_vars(mini: Workspace) -> None:
    _with_vars(mini, VARS)
    mini.edit("modules/harga.yml", "      | Tenaga | 3.000 |", "      | Tenaga | {{ upah }} |")
    assert mini.lines() == [
        (
            f"{HARGA}:18:18: error: lessons[0].body: unknown placeholder '{{{{ upah }}}}'; "
            "the vars of this curriculum are harga_beras_kg, kabupaten"
        )
    ]


def test_each_occurrence_is_placed_and_escaped_ones_are_skipped(mini: Workspace) -> None:
    _with_vars(mini, VARS)
    mini.edit(
        "modules/harga.yml",
        "    body: Harga jual = HPP + margin.",
        "    body: \\{{ x }} {{ x }} dan {{ x }}",
    )
    message = "lessons[1].body: unknown placeholder '{{ x }}'; the vars of this curriculum are "
    assert mini.lines() == [
        f"{HARGA}:23:20: error: {message}harga_beras_kg, kabupaten",
        f"{HARGA}:23:32: error: {message}harga_beras_kg, kabupaten",
    ]


def test_quoted_value_is_placed_exactly(mini: Workspace) -> None:
    _with_vars(mini, VARS)
    mini.edit(
        "modules/catatan.yml",
        "{text: Bayar listrik, correct: true}",
        '{text: "Bayar \\"{{ pln }}\\"", correct: true}',
    )
    assert mini.lines() == [
        (
            "contoh/modules/catatan.yml:35:27: error: quiz.questions[4].choices[1].text: "
            "unknown placeholder '{{ pln }}'; "
            "the vars of this curriculum are harga_beras_kg, kabupaten"
        )
    ]


def test_a_placeholder_folded_over_two_lines_is_placed_at_its_value(mini: Workspace) -> None:
    _with_vars(mini, VARS)
    mini.edit(
        "curriculum.yml", "summary: Kurikulum kecil untuk", "summary: Kurikulum {{\n  desa }} untuk"
    )
    assert mini.lines() == [
        (
            f"{CURRICULUM}:3:10: error: summary: unknown placeholder '{{{{ desa }}}}'; "
            "the vars of this curriculum are harga_beras_kg, kabupaten"
        )
    ]


@pytest.mark.parametrize(
    ("written", "column", "shown"),
    [
        ("{{ harga-beras }}", 20, "{{ harga-beras }}"),
        ("{{ 1 + 2 }}", 20, "{{ 1 + 2 }}"),
        ("{{}}", 20, "{{}}"),
        ("{{ kabupaten", 20, "{{"),
    ],
)
def test_text_after_braces_that_is_no_placeholder(
    mini: Workspace, written: str, column: int, shown: str
) -> None:
    _with_vars(mini, VARS)
    mini.edit("curriculum.yml", "summary: Kurikulum kecil", f"summary: Kurikulum {written} kecil")
    assert mini.lines() == [
        (
            f"{CURRICULUM}:3:{column}: error: summary: '{shown}' is not a placeholder: "
            "write {{ name }} with a name of letters, digits and _, or \\{{ to show the braces"
        )
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "vars:\n  harga-beras: Rp15.000\n",
            (
                ":95:3: error: vars.harga-beras: 'harga-beras' is not a valid name: use letters, "
                "digits and _, not starting with a digit, at most 64 characters, "
                "e.g. harga_beras_kg"
            ),
        ),
        (
            "vars:\n  2kabupaten: Sleman\n",
            (
                ":95:3: error: vars.2kabupaten: '2kabupaten' is not a valid name: use letters, "
                "digits and _, not starting with a digit, at most 64 characters, "
                "e.g. harga_beras_kg"
            ),
        ),
        (
            "vars:\n  desa: [Sukamaju, Sukamakmur]\n",
            ":95:9: error: vars.desa: a value is one line of text or a number, got a list",
        ),
        (
            "vars:\n  desa: true\n",
            ":95:9: error: vars.desa: a value is one line of text or a number, got true/false",
        ),
        (
            "vars:\n  desa:\n",
            ":95:8: error: vars.desa: a value is one line of text or a number, got nothing",
        ),
        ('vars:\n  desa: " "\n', ":95:9: error: vars.desa: must not be empty"),
        (
            'vars:\n  desa: "Suka\\nmaju"\n',
            ":95:9: error: vars.desa: a value is one line of text: no line breaks",
        ),
        ("vars:\n  harga: .inf\n", ":95:10: error: vars.harga: a number here must be finite"),
        ("vars: [desa]\n", ":94:7: error: vars: expected a mapping of keys, got a list"),
    ],
)
def test_bad_vars(mini: Workspace, block: str, expected: str) -> None:
    _with_vars(mini, block)
    assert mini.lines() == [CURRICULUM + expected]


def test_vars_belong_to_the_curriculum_file(mini: Workspace) -> None:
    mini.write("modules/harga.yml", mini.read("modules/harga.yml") + "vars:\n  desa: Sukamaju\n")
    [line] = mini.lines()
    assert line.endswith(
        "error: unknown key 'vars': vars are declared in curriculum.yml, "
        "for the curriculum and all its modules"
    )
    assert line.startswith(f"{HARGA}:")


def test_a_placeholder_where_none_is_replaced_is_a_warning(mini: Workspace) -> None:
    _with_vars(
        mini,
        VARS
        + "resources:\n  - title: Peta {{ kabupaten }}\n"
        + "    url: https://peta.example/{{ kabupaten }}\n",
    )
    assert mini.lines() == [
        (
            f"{CURRICULUM}:99:10: warning: resources[0].url: placeholders are not replaced here; "
            "write the text out"
        )
    ]


def test_replaced_text_meets_the_checks(mini: Workspace) -> None:
    """Checks run on the replaced text: two choices that read the same are found."""
    _with_vars(mini, "vars:\n  a: Harga penjualan\n")
    mini.edit(
        "modules/harga.yml", "        - text: Harga pokok produksi\n", '        - text: "{{ a }}"\n'
    )
    assert mini.lines() == [
        f"{HARGA}:49:11: error: quiz.questions[0].choices[1]: 'Harga penjualan' appears twice"
    ]


# --- the bundled curricula ---------------------------------------------------------

CONTENT = FIXTURES.parents[1] / "content"


@pytest.mark.parametrize(
    ("curriculum", "names"),
    [
        ("manajemen-usaha-kecil", ["harga_beras_kg", "kabupaten", "koperasi"]),
        ("pertanian-berkelanjutan", ["kabupaten", "kelompok_tani", "tanaman_utama"]),
    ],
)
def test_bundled_curricula_use_every_var_they_declare(curriculum: str, names: list[str]) -> None:
    folder = CONTENT / curriculum
    project = read_project([folder])
    assert project.diagnostics == []
    [source] = project.curricula
    assert sorted(source.model.vars) == names
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.yml")))
    for name in names:
        assert f"{{{{ {name} }}}}" in written, name
    models = [source.model, *(m.model for m in source.modules)]
    assert not any(
        has_placeholder(text) for m in models for i in _instances(m) for text in _strings_of(i)
    )


def _strings_of(model: BaseModel) -> Iterator[str]:
    for name in type(model).model_fields:
        yield from _strings(getattr(model, name))


def test_bundled_defaults_read_as_plain_sentences() -> None:
    usaha = read_project([CONTENT / "manajemen-usaha-kecil"]).curricula[0]
    legal = next(m.model for m in usaha.modules if m.id == "legalitas-usaha")
    assert (
        "Jika bingung, minta bantuan DPMPTSP atau Dinas Koperasi dan UKM di kabupaten/kota Anda, "
        "dan jangan berikan kata sandi kepada siapa pun." in legal.lessons[1].keypoints
    )
    assert usaha.model.guide is not None
    assert usaha.model.guide.venue is not None
    assert "atau ruang pertemuan koperasi setempat," in usaha.model.guide.venue
    tani = read_project([CONTENT / "pertanian-berkelanjutan"]).curricula[0]
    assert tani.model.guide is not None
    assert tani.model.guide.venue is not None
    assert tani.model.guide.venue.startswith(
        "Balai desa atau saung kelompok tani setempat yang dekat"
    )
