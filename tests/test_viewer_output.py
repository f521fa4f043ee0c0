"""convert --viewer: Arelle's interactive viewer beside the iXBRL document, never taken for a
filing document, never written over one the user has without --force."""

import json
import sys

from click.testing import CliRunner

from converter.cli import main

from .conftest import FIXTURES, SEEDS, package_args

SEED = "capstone_8-K_2007-11-08"


def test_viewer_is_not_an_entry_point_of_the_output_folder(tmp_path):
    name = SEED
    packages = package_args()
    args = ["--cik", SEEDS[name], "--viewer", "--no-validate", *packages]
    run = CliRunner().invoke(main, ["convert", str(FIXTURES / f"{name}.txt"), "-o", str(tmp_path), *args])
    assert run.exit_code == 0, run.output
    again = CliRunner().invoke(main, ["convert", str(FIXTURES / f"{name}.txt"), "-o", str(tmp_path), *args])
    assert again.exit_code == 7 and "use --force" in again.output
    checked = CliRunner().invoke(main, ["validate", str(tmp_path), "--format", "json", *packages])
    assert checked.exit_code == 0, checked.output
    assert sorted(f.rsplit("/", 1)[-1] for f in json.loads(checked.output)["files"]) == [
        "cpst-20071108.htm",
        "cpst-20071108.xml",
    ]


def test_viewer_without_its_package_is_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "iXBRLViewerPlugin.constants", None)  # as if not installed
    args = ["-o", str(tmp_path / "out"), "--cik", SEEDS[SEED], "--viewer", "--no-validate", *package_args()]
    run = CliRunner().invoke(main, ["convert", str(FIXTURES / f"{SEED}.txt"), *args])
    assert run.exit_code == 2
    assert "pip install 'xbrlconv[viewer]'" in run.output
    assert not (tmp_path / "out").exists()
