"""Dependencies point one way: lscp imports no app, and the registry (partnership) imports only lscp.

Checked by reading every non-test module's imports (`import x`, `from x import y`, relative imports resolved),
wherever they are: at the top of the file or inside a function.
"""

import ast
from pathlib import Path

from django.conf import settings

APPS = ("partnership", "governance", "reports", "reviews", "training", "audits")
FORBIDDEN = {
    "lscp": set(APPS),
    "partnership": set(APPS) - {"partnership"},
}


def _is_test(path, package_root):
    parts = path.relative_to(package_root).parts
    return "tests" in parts or path.name.startswith("test_") or path.name == "conftest.py"


def imported_modules(path, package):
    """The absolute names of the modules a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # The package a relative import starts from: the file's folder (for an __init__.py too).
    here = [package, *path.relative_to(Path(settings.BASE_DIR) / package).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)]
                found.append(".".join([*base, node.module] if node.module else base))
            else:
                found.append(node.module)
    return found


def violations():
    base = Path(settings.BASE_DIR)
    found = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((base / package).rglob("*.py")):
            if _is_test(path, base / package):
                continue
            for module in imported_modules(path, package):
                if module.split(".")[0] in forbidden:
                    found.append(f"{path.relative_to(base)} imports {module}")
    return found


def test_lscp_imports_no_app_and_the_registry_imports_only_lscp():
    found = violations()
    assert not found, "Dependencies must point one way (docs/permissions.md):\n" + "\n".join(found)


def test_the_check_sees_imports_inside_functions(tmp_path, settings):
    package = tmp_path / "lscp"
    package.mkdir()
    (package / "views.py").write_text("def view():\n    from governance.models import Action\n")
    settings.BASE_DIR = tmp_path
    assert violations() == ["lscp/views.py imports governance.models"]
