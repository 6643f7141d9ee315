"""The README's examples work as written."""

import re
from pathlib import Path

from avvlint.catalogue import REQUIREMENT_IDS
from avvlint.engine.loader import load_rule_files
from avvlint.engine.pack import load_rule_pack
from avvlint.engine.selftest import check_examples

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_company_rule_loads_and_its_examples_hold(tmp_path: Path) -> None:
    block = re.search(r"```yaml\n(rules:\n.*?)```", README, re.S)
    assert block is not None
    folder = tmp_path / "company"
    folder.mkdir()
    (folder / "acme.yml").write_text(block.group(1), encoding="utf-8")
    rules, _ = load_rule_files([folder], set(REQUIREMENT_IDS))
    assert [r.code for r in rules] == ["ACME001"]
    pack = load_rule_pack((folder,))
    assert pack.by_code("ACME001") is not None and pack.by_code("AVV042") is not None
    assert [f for f in check_examples(pack) if f.rule == "ACME001"] == []


def test_readme_starts_with_the_two_setup_commands() -> None:
    first = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first is not None
    lines = first.group(1).strip().splitlines()
    assert len(lines) == 2
    assert "avvlint check corpora/docs/" in lines[0]
    assert "pytest" in lines[1]
    sample = re.search(r"avvlint check (\S+)", lines[0])
    assert sample is not None and (Path(__file__).resolve().parent.parent / sample.group(1)).is_file()
