import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "archive" / "pages"
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="session")
def archive():
    return pipeline.load(PAGES)


def make_project(dest: Path, pages: Path = PAGES) -> Path:
    """A copy of the project's site sources (config, hand-written docs, overrides) in `dest`."""
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns(
        "index.md", "articles", "districts", "dates", "topics", "reporters", "people", "orgs"))
    return dest


def build(project: Path, pages: Path = PAGES, mkdocs: bool = True) -> int:
    args = ["build", "--input", str(pages), "--docs", str(project / "docs"),
            "--config", str(project / "mkdocs.yml"), "--site", str(project / "site")]
    return main(args + ([] if mkdocs else ["--no-mkdocs"]))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("project"))
    assert build(project) == 0
    return project
