"""The GitHub Action and the pre-commit hook work when copied: the action's shell steps run as a
script against a fixture repository (the GitHub-hosted steps, setup-python, cache and the SARIF
upload, are GitHub's), and the hook's command validates what pre-commit passes it."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from . import broken_copies as broken
from .conftest import GOLDEN

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = GOLDEN / "capstone_8-K_2007-11-08"
_EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


def _action() -> dict:
    return yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


def _run_action(repository: Path, paths: str) -> tuple[dict[str, str], int]:
    """Run the action's shell steps in order, as the runner would (expressions substituted, step
    env set, $GITHUB_OUTPUT collected); returns the validate step's outputs and the last step's
    exit code."""
    action = _action()
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs["paths"] = paths
    outputs: dict[str, dict[str, str]] = {}

    def value(expression: str) -> str:
        if expression.startswith("inputs."):
            return str(inputs[expression.removeprefix("inputs.")])
        if expression == "github.action_path":
            return str(ROOT)
        step, _, name = expression.removeprefix("steps.").partition(".outputs.")
        return outputs.get(step, {}).get(name, "")

    code = 0
    for step in action["runs"]["steps"]:
        if "run" not in step or step.get("id") == "install":  # xbrlconv is installed already
            continue
        script = _EXPRESSION.sub(lambda m: value(m[1]), step["run"])
        output_file = repository / f".github_output_{step['id']}"
        output_file.write_text("", encoding="utf-8")
        env = {
            **os.environ,
            "GITHUB_OUTPUT": str(output_file),
            "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        }
        env.update({k: _EXPRESSION.sub(lambda m: value(m[1]), str(v)) for k, v in (step.get("env") or {}).items()})
        env["XBRLCONV_TAXONOMY_PACKAGES"] = os.environ.get("XBRLCONV_TAXONOMY_PACKAGES", "")  # offline, as CI runs
        code = subprocess.run(["bash", "-e", "-c", script], cwd=repository, env=env, check=False).returncode
        lines = output_file.read_text(encoding="utf-8").splitlines()
        outputs[step["id"]] = dict(line.split("=", 1) for line in lines if "=" in line)
    return outputs.get("validate", {}), code


def _repository(tmp_path: Path, broken_instance: bool) -> Path:
    repository = tmp_path / "repository"
    shutil.copytree(OUTPUTS, repository / "filings" / "capstone")
    (repository / "filings" / "capstone" / "facts.txt").unlink()
    if broken_instance:
        instance = repository / "filings" / "capstone" / "cpst-20071108.xml"
        instance.write_text(broken.negative_non_negative(instance.read_text(encoding="utf-8"), "")[0], encoding="utf-8")
    return repository


def test_the_action_installs_this_repository():
    install = next(s for s in _action()["runs"]["steps"] if s.get("id") == "install")
    assert '"${{ github.action_path }}"' in install["run"]


@pytest.mark.parametrize(("broken_instance", "exit_code"), [(False, 0), (True, 1)])
def test_the_action_validates_a_repository_writes_sarif_and_fails_on_errors(tmp_path, broken_instance, exit_code):
    repository = _repository(tmp_path, broken_instance)
    outputs, verdict = _run_action(repository, "filings/")
    assert outputs["exit-code"] == str(exit_code)
    assert verdict == exit_code  # the last step fails the job exactly when validation found errors
    sarif = json.loads((repository / "xbrlconv.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    if broken_instance:  # named as the repository names it (the iXBRL beside it no longer agrees with it)
        assert uris == {"filings/capstone/cpst-20071108.xml", "filings/capstone/cpst-20071108.htm"}
    else:
        assert uris == set()


def test_the_pre_commit_hook_passes_over_linkbases_and_validates_instances(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    repository = _repository(tmp_path, broken_instance=True)
    changed = sorted(
        str(p.relative_to(repository))
        for p in (repository / "filings" / "capstone").iterdir()
        if re.search(hook["files"], p.name)
    )
    assert any(name.endswith("_cal.xml") for name in changed)  # pre-commit passes linkbases too
    command = [str(Path(sys.executable).parent / "xbrlconv"), *hook["entry"].split()[1:], *changed]
    result = subprocess.run(command, cwd=repository, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "filings/capstone/cpst-20071108.xml:" in result.stdout and "xbrlconv.nonNegative" in result.stdout
