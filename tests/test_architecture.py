"""The import rule of ARCHITECTURE.md: arrows point forward along the flow, never back."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storydiff"

# The flow's stages in order; each may import the ones before it.
STAGES = ("ingest", "clean", "analyse", "align", "report")
# Shared by every stage: the records, the error family, the codec, the vocabularies.
SHARED = {"model", "errors", "codec", "lexicon", "schema", "sentence_model"}
# The faces and the flow's owners: they call the stages, no stage calls them.
FACES = {"cli", "web", "scale", "evaluate", "pipeline", "api", "store"}


def _part(module: str) -> str | None:
    """The top-level part of storydiff a dotted module name belongs to."""
    parts = module.split(".")
    return parts[1] if parts[0] == "storydiff" and len(parts) > 1 else None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def _wrong_arrows() -> list[str]:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        owner = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if owner not in STAGES and owner not in SHARED:
            continue
        for module in _imports(path):
            target = _part(module)
            if target is None or target == owner or target in SHARED - {"sentence_model"}:
                continue
            allowed = (
                owner in STAGES and target in STAGES and STAGES.index(target) < STAGES.index(owner)
            ) or (owner in STAGES and target == "sentence_model")
            if not allowed:
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    return wrong


def test_no_stage_imports_a_later_stage_or_a_face() -> None:
    assert _wrong_arrows() == []


def _imported_names(path: Path) -> set[str]:
    """What ``from M import N`` names, as ``M.N``: a module imported by name is imported too
    ("from storydiff.analyse.quotes import vocab" imports ``storydiff.analyse.quotes.vocab``)."""
    return {
        f"{node.module}.{alias.name}"
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0
        for alias in node.names
    }


def _foreign_vocabularies() -> list[str]:
    """Imports of another package's word lists (``*_vocab`` / ``vocab`` modules)."""
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        owner = path.relative_to(PACKAGE).parts[0]
        for module in _imports(path) | _imported_names(path):
            parts = module.split(".")
            if parts[0] != "storydiff" or len(parts) < 3 or parts[1] == owner:
                continue
            if parts[-1] == "vocab" or parts[-1].endswith("_vocab"):
                wrong.append(f"{path.relative_to(PACKAGE)} imports {module}")
    return wrong


def test_no_stage_reads_another_stages_vocabulary() -> None:
    """Word lists two stages share live in lexicon/; the evaluation scores with its stage's."""
    assert [w for w in _foreign_vocabularies() if not w.startswith("evaluate/")] == []


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_graph() -> dict[str, set[str]]:
    """Each storydiff module and the storydiff modules it imports, anywhere in its body
    ("from storydiff.clean import vocab" imports the module ``storydiff.clean.vocab``)."""
    paths = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = {f"{node.module}.{a.name}" for a in node.names} & paths.keys()
                found |= subs if len(subs) == len(node.names) else subs | {node.module}
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names}
        graph[name] = found & paths.keys()
    return graph


def test_no_import_cycle() -> None:
    """Not even through an import inside a function: a cycle is a tangle however lazy."""
    graph = _module_graph()
    done: set[str] = set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            raise AssertionError(" -> ".join([*trail[trail.index(name) :], name]))
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*trail, name])
        done.add(name)

    assert len(graph) > 100  # the whole package was read
    for module in sorted(graph):
        visit(module, [])
