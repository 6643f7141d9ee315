"""JUnit XML: one testsuite per document, one testcase per requirement."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from cli_support import copy_seeds, make_broken_files, run, sample_report, workdir

from avvlint.catalogue import REQUIREMENT_IDS
from avvlint.formatters import RenderContext, render
from avvlint.policy import DEADLINE_KINDS

__all__ = ["workdir"]


def test_junit_from_the_cli_parses_and_counts(workdir: Path) -> None:
    copy_seeds(workdir / "docs", 2)
    make_broken_files(workdir / "docs")
    res = run("scan", "docs", "-f", "junit", "-j", "1")
    assert res.exit_code == 2
    root = ET.fromstring(res.stdout)
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 5
    readable = [s for s in suites if s.find("testcase/error") is None]
    assert len(readable) == 2
    for s in readable:
        cases = s.findall("testcase")
        assert len(cases) == int(s.get("tests", "-1")) >= len(REQUIREMENT_IDS) + len(DEADLINE_KINDS)
        assert int(s.get("failures", "-1")) == len([c for c in cases if c.find("failure") is not None])
    assert int(root.get("errors", "0")) == 3
    assert int(root.get("tests", "0")) == sum(int(s.get("tests", "0")) for s in suites)


def test_junit_failures_follow_fail_on() -> None:
    report = sample_report()
    root = ET.fromstring(render("junit", report, RenderContext(root=Path.cwd())))
    suite = root.find("testsuite[@name='vertraege/acme.pdf']")
    assert suite is not None
    failed = {
        c.get("name", "").split()[0] for c in suite.findall("testcase") if c.find("failure") is not None
    }
    assert failed == {"a28.3.d.objection", "breach_notice"}
    flow = next(c for c in suite.findall("testcase") if c.get("name", "").startswith("a28.3.d.flow_down"))
    assert flow.find("system-out") is not None  # a warning is reported, not failed
    root = ET.fromstring(render("junit", report, RenderContext(root=Path.cwd(), fail_on="warning")))
    suite = root.find("testsuite[@name='vertraege/acme.pdf']")
    assert suite is not None and suite.get("failures") == "3"
    broken = root.find("testsuite[@name='vertraege/kaputt.pdf']/testcase/error")
    assert broken is not None and broken.get("type") == "corrupt-pdf"
