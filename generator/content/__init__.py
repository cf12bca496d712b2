"""Stage 1, the content: YAML read with positions, models, validation, cross-checks, media.

Everything here is pure reading and checking: problems come back as
diagnostics, nothing is written. It may import its own modules,
:mod:`generator.i18n`, :mod:`generator.exceptions`, pydantic and PyYAML, but
neither MkDocs nor Jinja, nor the later stages (:mod:`generator.site`,
:mod:`generator.outputs`).
"""
