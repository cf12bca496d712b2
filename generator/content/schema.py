"""JSON Schemas of the two file kinds, for editor completion and checking."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content.model import Curriculum, Module

SCHEMA_DIR = Path("schema")
SCHEMAS: dict[str, type[BaseModel]] = {
    "curriculum.schema.json": Curriculum,
    "module.schema.json": Module,
}


def schema_of(name: str) -> dict[str, Any]:
    """The JSON Schema of one file kind, by its file name in :data:`SCHEMAS`."""
    model = SCHEMAS[name]
    schema: dict[str, Any] = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = name
    return schema


def schema_text(name: str) -> str:
    """A schema as stable, pretty JSON."""
    return json.dumps(schema_of(name), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
