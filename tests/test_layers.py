"""The package's layers point one way: a module imports only from its own layer or the layers below it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "unionboard"

# Lower number = lower layer. A layer may import its own and any lower layer, never a higher one.
RANK = {
    "core": 0,
    "read": 1,
    "domains": 2,
    "sample": 2,
    "analysis": 3,
    "present": 4,
    "export": 5,
    "store": 6,
    "publish": 7,
    "cli": 8,
    "ui": 8,
}
# Same rank, still forbidden: the command line never imports the Streamlit layer and vice versa.
# Lower, still forbidden: the store persists what the publish service hands it (checked and summarised above
# it) and writes no file, so it needs no present or export module.
FORBIDDEN = {("cli", "ui"), ("ui", "cli"), ("store", "export"), ("store", "present")}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "unionboard" or len(parts) < 2:
        return None
    return parts[1] if parts[1] in RANK else None


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, imported names) for every `import`/`from` in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import; write the full module path"
            module = node.module or ""
            names = [alias.name for alias in node.names]
            found.append((node.lineno, module, names))
            # `from unionboard.store import versions` imports the module unionboard.store.versions
            found += [(node.lineno, f"{module}.{n}", []) for n in names if _layer(f"{module}.{n}")]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.parent != PACKAGE)


def test_every_module_is_in_a_known_layer() -> None:
    layers = {p.relative_to(PACKAGE).parts[0] for p in _modules()}
    assert layers <= set(RANK), f"packages without a layer: {sorted(layers - set(RANK))}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_points_up(path: Path) -> None:
    own = path.relative_to(PACKAGE).parts[0]
    wrong = []
    for line, module, _ in _imports(path):
        target = _layer(module)
        if target is None or target == own:
            continue
        if RANK[target] > RANK[own] or (own, target) in FORBIDDEN:
            wrong.append(f"line {line}: {own} imports {module} ({target})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_private_name_is_imported_from_another_module(path: Path) -> None:
    private = [f"line {line}: {module}.{name}" for line, module, names in _imports(path)
               for name in names if module.startswith("unionboard") and name.startswith("_")]
    assert not private, "\n".join(private)


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from unionboard.ui.data import get_view\nfrom unionboard.store import versions\n")
    targets = {_layer(m) for _, m, _ in _imports(bad)}
    assert {"ui", "store"} <= targets


def test_the_package_itself_does_not_import_streamlit_outside_ui() -> None:
    offenders = [str(p.relative_to(PACKAGE)) for p in _modules()
                 if p.relative_to(PACKAGE).parts[0] != "ui"
                 and any(m == "streamlit" or m.startswith("streamlit.") for _, m, _ in _imports(p))]
    assert not offenders


# the layers and folders a path in docs/ARCHITECTURE.md may start with (relative to unionboard/ or the repo)
_DOC_PATH = re.compile(r"(?<![\w/.<])((?:unionboard/)?(?:" + "|".join(RANK) + r")/[\w/*]*?(?:\.py\b|/)"
                       r"|tests/[\w*]+\.py\b|app_pages/)")


def test_every_module_path_in_the_architecture_document_exists() -> None:
    text = (PACKAGE.parent / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(_DOC_PATH.findall(text))
    assert len(named) > 50  # the module table is read
    missing = []
    for name in sorted(named):
        root = PACKAGE.parent if name.startswith(("unionboard/", "tests/", "app_pages/")) else PACKAGE
        if not list(root.glob(name.rstrip("/"))):
            missing.append(name)
    assert not missing, f"docs/ARCHITECTURE.md names paths that do not exist: {missing}"
