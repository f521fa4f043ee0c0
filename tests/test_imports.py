"""Each package the tools and benches import first loads on its own: an import cycle between
stages (one that only works when the pipeline happens to be imported first) is caught here."""

import subprocess
import sys

import pytest

FIRST_IMPORTS = (
    "converter.extract",
    "converter.extract.model",
    "converter.extract.overrides",
    "converter.mapping",
    "converter.render.review_view",
    "converter.ingest",
)


@pytest.mark.parametrize("module", FIRST_IMPORTS)
def test_module_imports_on_its_own(module):
    run = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr.strip().splitlines()[-1:]
