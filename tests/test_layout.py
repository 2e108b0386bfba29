"""The generator's layout shows its pipeline: one package a stage, and no module reaching into a
later stage (generator/__init__.py lists them in order)."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.archive import pipeline
from generator.read import page as read_page_module

PACKAGE = Path(__file__).resolve().parents[1] / "generator"
# generator/__init__.py's order: a module may import its own stage and the ones before it.
STAGES = ["text", "read", "reassemble", "extract", "archive", "render", "index", "search", "site", "cli"]
MAX_LINES = 500


def _stage(module: str) -> int:
    """The stage of a dotted module below generator ('reassemble.kinds' → 2); the package's own
    __init__ and __main__ stand above every stage."""
    head = module.split(".")[0]
    return STAGES.index(head) if head in STAGES else len(STAGES)


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
        out.append((".".join(parts[:-1] if parts[-1] == "__init__" else parts), path))
    return out


def _imports(module: str, path: Path) -> list[tuple[int, str]]:
    """Every generator module `path` imports, dotted below generator, with its line."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            elif (node.module or "").startswith("generator"):
                target = node.module.removeprefix("generator").lstrip(".")
            else:
                continue
            # each name may be a module (`from . import kinds`): its stage is its first part's
            found += [(node.lineno, f"{target}.{a.name}".lstrip(".")) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.removeprefix("generator.")) for a in node.names if a.name.startswith("generator.")]
    return found


def test_every_stage_package_exists_and_says_what_it_holds():
    for stage in STAGES[:-1]:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        assert ast.get_docstring(ast.parse(init.read_text("utf-8"))), f"{stage}/__init__.py has no docstring"


def test_no_module_imports_from_a_later_stage():
    wrong = []
    for module, path in _modules():
        for line, target in _imports(module, path):
            if _stage(target) > _stage(module):
                wrong.append(f"{path.relative_to(PACKAGE)}:{line} imports {target}")
    assert wrong == []


def test_the_import_check_sees_a_later_stage(tmp_path):
    """The check above reads relative and absolute imports alike: it could fail."""
    probe = tmp_path / "x.py"
    probe.write_text("from ..extract.model import Article\nfrom generator.site import build\nfrom . import kinds\n"
                     "import generator.text.chars\n")
    targets = [t for _, t in _imports("reassemble.x", probe)]
    assert targets == ["extract.model.Article", "site.build", "reassemble.kinds", "text.chars"]
    assert [_stage(t) > _stage("reassemble.x") for t in targets] == [True, True, False, False]


@pytest.mark.parametrize("module,path", _modules(), ids=lambda v: str(v))
def test_no_module_over_500_lines(module, path):
    assert len(path.read_text("utf-8").splitlines()) <= MAX_LINES


def test_a_page_is_normalised_once_in_a_build(monkeypatch, tmp_path):
    """Every stage takes spans of the page's text made once by the read stage (PageText), not
    lines it joins again."""
    made = []
    original = read_page_module.PageText.__init__

    def counting(self, lines):
        made.append(len(lines))
        original(self, lines)

    monkeypatch.setattr(read_page_module.PageText, "__init__", counting)
    archive = pipeline.load(Path(__file__).resolve().parents[1] / "archive" / "pages", workers=1)
    assert len(made) == len(archive.pages) == 5
