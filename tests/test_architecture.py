"""The import rules of the three stages, checked on the source (docs/architecture.md).

``generator.content`` reads and checks: no MkDocs, no Jinja, no later stage.
``generator.site`` writes Markdown: no MkDocs, no ``generator.outputs``.
``generator.results`` (results codes) only content, i18n and exceptions: both the site and
the command line use it.
``generator.lms`` (Moodle XML and GIFT) no MkDocs, no command line: the site's renderer only.
No module imports itself back through a chain of module-level imports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "generator"

FORBIDDEN = {
    "generator.content": {
        "generator.site",
        "generator.outputs",
        "generator.cli",
        "generator.plugin",
        "mkdocs",
        "material",
        "jinja2",
        "markdown",
        "weasyprint",
    },
    "generator.site": {
        "generator.outputs",
        "generator.cli",
        "generator.plugin",
        "mkdocs",
        "material",
        "weasyprint",
    },
    "generator.outputs": {"generator.cli", "generator.plugin"},
    "generator.results": {
        "generator.site",
        "generator.outputs",
        "generator.cli",
        "generator.plugin",
        "generator.resources",
        "mkdocs",
        "material",
        "jinja2",
        "markdown",
        "weasyprint",
    },
    "generator.lms": {
        "generator.cli",
        "generator.plugin",
        "generator.outputs.mkdocs_site",
        "generator.outputs.export",
        "generator.outputs.single",
        "generator.outputs.pdf",
        "mkdocs",
        "material",
        "weasyprint",
    },
}


def module_name(path: Path) -> str:
    """``generator/site/plan.py`` -> ``generator.site.plan``; packages by their folder."""
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def resolve(module: str, name: str | None) -> str:
    """The module an import names: ``from generator import resources`` is a module import."""
    candidate = f"{module}.{name}" if name else module
    return candidate if candidate in MODULES else module


def is_type_checking(node: ast.If) -> bool:
    """``if TYPE_CHECKING:`` blocks are for the type checker, not run."""
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def imports(tree: ast.AST, *, top_level_only: bool) -> set[str]:
    """Every module an import statement in ``tree`` names (relative imports are not used)."""
    found: set[str] = set()
    nodes = tree.body if top_level_only and isinstance(tree, ast.Module) else ast.walk(tree)
    for node in nodes:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import; Berdaya imports by full name"
            assert node.module is not None
            found.update(resolve(node.module, alias.name) for alias in node.names)
        elif top_level_only and isinstance(node, ast.If) and not is_type_checking(node):
            found.update(imports(ast.Module(body=node.body, type_ignores=[]), top_level_only=True))
    return found


def parsed(module: str) -> ast.Module:
    return ast.parse(MODULES[module].read_text(encoding="utf-8"))


def matches(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_stage_imports_only_what_it_may(stage: str) -> None:
    """Every import anywhere in the stage, including ones inside functions."""
    broken = sorted(
        f"{module} imports {name}"
        for module in MODULES
        if matches(module, stage)
        for name in imports(parsed(module), top_level_only=False)
        for banned in FORBIDDEN[stage]
        if matches(name, banned)
    )
    assert not broken, "\n".join(broken)


def test_the_rules_see_real_imports() -> None:
    """The checker itself finds the imports it is meant to find."""
    site_imports = imports(parsed("generator.site.render"), top_level_only=False)
    assert "jinja2" in site_imports or "generator.site.jinja" in site_imports
    assert any(
        matches(name, "mkdocs")
        for name in imports(parsed("generator.plugin"), top_level_only=False)
    )
    assert resolve("generator", "resources") == "generator.resources"
    assert resolve("generator.content.check", "check") == "generator.content.check"


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle in ``graph`` as a list of modules, or an empty list."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_find_cycle_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles() -> None:
    graph = {
        module: {name for name in imports(parsed(module), top_level_only=True) if name in MODULES}
        for module in MODULES
    }
    assert find_cycle(graph) == []
