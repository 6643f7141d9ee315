"""Developer aid: show where a rule's patterns match (or why not) in one document.

    python scripts/explain_match.py FILE RULE_CODE [GREP]

Prints, per pattern, the units where it matched (with negation cues), and with
GREP the units containing that folded text together with which children failed.
"""

from __future__ import annotations

import sys

from avvlint.analysis import Analysis
from avvlint.engine import load_rule_pack
from avvlint.engine.evaluate import _check_negation
from avvlint.engine.matcher import DocMatcher
from avvlint.extract import extract_path
from avvlint.fold import fold_str


def main() -> None:
    path, code = sys.argv[1], sys.argv[2]
    grep = fold_str(sys.argv[3]) if len(sys.argv) > 3 else None
    doc = extract_path(path)
    a = Analysis(doc)
    pack = load_rule_pack()
    m = DocMatcher(a, pack.lemma_forms, pack.lexicon)
    print("processor names:", m.processor_names)
    for i, pat in enumerate(pack.patterns[code]):
        print(f"--- pattern {i} scope={pat.scope}")
        for u in m.units(pat.scope):
            text = m.text[u.start : u.end]
            if grep and grep not in text:
                continue
            inside_ok = pat.inside is None or m.heading_matches(pat.inside, u.section)
            spans = m.eval(pat.node, u) if inside_ok else None
            if spans:
                cue = _check_negation(m, sorted(set(spans)), pat)
                print(f"MATCH{' NEGATED by ' + repr(m.text[cue[0] : cue[1]]) if cue else ''}: {text[:160]!r}")
                print("   spans:", [m.text[s:e] for s, e in sorted(set(spans))][:8])
            elif grep:
                kids = getattr(pat.node, "children", (pat.node,))
                print(f"no match (inside={inside_ok}): {text[:160]!r}")
                for k in kids:
                    print("   child", "ok" if m.eval(k, u) is not None else "FAIL", str(k)[:100])


if __name__ == "__main__":
    main()
