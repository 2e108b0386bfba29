"""The benchmarks run in the project's .venv as README sets it up: they need none of the test extras."""
import subprocess
import sys

import pytest

from conftest import ROOT

TEST_ONLY = ["pytest", "hypothesis", "sklearn", "moto", "axe_playwright_python", "citeproc"]


@pytest.mark.parametrize("script", sorted(p.name for p in (ROOT / "bench").glob("*.py")))
def test_a_benchmark_loads_without_the_test_extras(script):
    # a test-only package is made unimportable (None in sys.modules), then the script is loaded
    # as a module from its folder, as `python bench/X.py` would (its main is not run)
    code = (f"import sys; sys.modules.update(dict.fromkeys({TEST_ONLY!r})); sys.argv = ['x']; "
            f"sys.path.insert(0, {str(ROOT / 'bench')!r}); "
            f"import importlib.util as u; s = u.spec_from_file_location('bench', {str(ROOT / 'bench' / script)!r}); "
            "u.module_from_spec(s); s.loader.exec_module(u.module_from_spec(s))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_build_bench_runs_our_mkdocs_step_by_a_name_that_exists():
    """bench/build.py runs our MkDocs step as a command line of its own (OUR_MKDOCS): what it
    imports and calls must exist (it named generator.site.mkdocs_build after the layout moved it)."""
    source = (ROOT / "bench" / "build.py").read_text(encoding="utf-8")
    command = eval(source.split("OUR_MKDOCS = ", 1)[1].split("\n\n", 1)[0])  # the string literal
    imports, call = command.rsplit(";", 1)
    function = call.strip().split("(", 1)[0]
    done = subprocess.run([sys.executable, "-c", f"{imports}; assert callable({function})"], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
