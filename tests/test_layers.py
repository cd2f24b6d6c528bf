"""Apps import downward only (docs/architecture.md, "Layers").

Every module under src/dateline is parsed; each import of `dateline.<app>` (absolute or
relative, at the top of a module or inside a function) is checked against the layer order.
An app may import itself and the apps in the layers below it, never one beside or above it.
The project level (settings, urls, wsgi, cli) may import anything; migrations are skipped.
"""

import ast
from pathlib import Path

import dateline

# Bottom first. An app may import only apps in a lower layer (and itself).
LAYERS = [
    {"core", "audit"},
    {"newsroom"},
    {"accounts"},
    {"screening"},
    {"comments"},
    {"moderation", "notifications", "archives"},
]
LAYER_OF = {app: level for level, apps in enumerate(LAYERS) for app in apps}
PROJECT_LEVEL = {"__init__", "__main__", "settings", "urls", "wsgi", "cli"}

SOURCE = Path(dateline.__file__).resolve().parent


def module_name(path):
    parts = ("dateline", *path.relative_to(SOURCE).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def imported_modules(tree, path):
    """(line, dotted name) for every module, or module attribute, that `tree` imports."""
    package = module_name(path)
    if path.name != "__init__.py":
        package = package[:-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                prefix = ".".join((*base, node.module) if node.module else base)
            else:
                prefix = node.module or ""
            if prefix == "dateline":  # `from dateline import comments` names apps
                for alias in node.names:
                    yield node.lineno, f"{prefix}.{alias.name}"
            else:
                yield node.lineno, prefix


def upward_imports():
    found = []
    for path in sorted(SOURCE.rglob("*.py")):
        relative = path.relative_to(SOURCE)
        if "migrations" in relative.parts:
            continue
        if len(relative.parts) == 1:
            assert relative.stem in PROJECT_LEVEL, f"{relative}: a module outside every app"
            continue
        app = relative.parts[0]
        assert app in LAYER_OF, f"{app}: an app missing from LAYERS in tests/test_layers.py"
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported_modules(tree, path):
            parts = name.split(".")
            if parts[0] != "dateline" or len(parts) < 2 or parts[1] == app:
                continue
            target = parts[1]
            if target in PROJECT_LEVEL:
                found.append(
                    f"src/dateline/{relative}:{line}: {app} imports {name} (project level)"
                )
            elif target in LAYER_OF and LAYER_OF[target] >= LAYER_OF[app]:
                found.append(f"src/dateline/{relative}:{line}: {app} imports {name}")
    return sorted(set(found))


def test_apps_import_downward_only():
    found = upward_imports()
    assert not found, "imports that run upward or sideways:\n" + "\n".join(found)


def test_the_check_sees_relative_and_nested_imports():
    """The walker resolves relative imports and finds imports inside functions."""
    path = SOURCE / "screening" / "example.py"
    tree = ast.parse("def f():\n    from ..comments.models import Comment\n")
    assert list(imported_modules(tree, path)) == [(2, "dateline.comments.models")]
    tree = ast.parse("from dateline import comments\nfrom . import rules\n")
    assert list(imported_modules(tree, path)) == [
        (1, "dateline.comments"),
        (2, "dateline.screening"),
    ]
