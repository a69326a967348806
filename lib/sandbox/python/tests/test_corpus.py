"""Fidelity: every corpus program (tests/fixtures/corpus, oracles recorded from real CPython in
real time) must give the same lines, in the same order, at the same virtual times."""
import glob
import json
import os
import re
import unittest

from helpers import run

CORPUS = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "tests", "fixtures", "corpus")
_ADDR = re.compile(r"0x[0-9A-Za-z]+")


def _normalize(t, stream, text):
    return (round(t, 6), stream, _ADDR.sub("0x", text.replace("main.py", "<file>")))


class CorpusTest(unittest.TestCase):
    def test_corpus_matches_cpython_oracles(self):
        oracles = sorted(glob.glob(os.path.join(CORPUS, "*.oracle.json")))
        if not oracles:
            self.skipTest("no corpus yet")
        for path in oracles:
            with self.subTest(program=os.path.basename(path)):
                with open(path, encoding="utf-8") as handle:
                    oracle = json.load(handle)
                with open(path.replace(".oracle.json", ".py"), encoding="utf-8") as handle:
                    code = handle.read()
                result, events = run(code)
                mine = [_normalize(e["t"], e["stream"], e["text"]) for e in events
                        if e["stream"] in ("stdout", "stderr")]
                theirs = [_normalize(line["t"], line["stream"], line["text"])
                          for line in oracle["lines"]]
                self.assertEqual(mine, theirs)
                self.assertEqual(result["status"], oracle["status"])
                self.assertAlmostEqual(result["virtualTime"], oracle["endTime"], places=9)
                if oracle.get("errorType"):
                    self.assertEqual(result["error"]["type"], oracle["errorType"])
                    self.assertEqual(result["error"]["line"], oracle["errorLine"])


if __name__ == "__main__":
    unittest.main()
