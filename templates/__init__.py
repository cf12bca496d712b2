"""The bundled page templates (Jinja2), shipped in the wheel as ``generator.templates``.

They stay here, at the top of the project, so that an organisation sees what it
may copy and override (``plugins: - berdaya: templates_dir: ...`` in mkdocs.yml).
"""
