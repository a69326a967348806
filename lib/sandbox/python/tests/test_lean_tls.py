"""The lean zygote (no networking libraries preloaded, see docs/sandbox.md): TLS reached in the
middle of a run loads `vtls` through netpatch's stand-ins and behaves as in the networked zygote.
Runs in a fresh interpreter: this test process has long imported vtls."""
import json
import os
import subprocess
import sys
import unittest

_PROGRAM = r'''
import json, sys
from interleave import runner
assert "interleave.vtls" not in sys.modules and "requests" not in sys.modules
events = []
code = """import ssl, urllib.request
context = ssl.create_default_context()
context.load_verify_locations("/etc/ssl/certs/ca-certificates.crt")
print(urllib.request.urlopen("https://a.example/", context=context).read().decode())
import requests
print(requests.get("https://a.example/").text)
"""
net = {"hosts": {"a.example": {"routes": {"GET /": {"body": "hello"}}}}}
result = runner.run_program(code, seed=0, limits={}, emit=events.append, network=net)
print(json.dumps([result["status"], result["tamper"], [e["text"] for e in events if e.get("stream") == "stdout"]]))
'''


class LeanTlsTest(unittest.TestCase):
    def test_tls_loads_on_first_use_with_the_same_result(self):
        here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        out = subprocess.run([sys.executable, "-s", "-B", "-c", _PROGRAM], cwd=here, capture_output=True,
                             text=True, timeout=60, env={**os.environ, "PYTHONPATH": here})
        self.assertEqual(out.returncode, 0, out.stderr[-2000:])
        status, tamper, lines = json.loads(out.stdout.strip().splitlines()[-1])
        self.assertEqual((status, tamper, lines), ("ok", None, ["hello", "hello"]))


if __name__ == "__main__":
    unittest.main()
