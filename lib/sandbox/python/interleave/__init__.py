"""Interleave's deterministic virtual-time harness for student Python (runs inside the sandbox).

Entry points: `interleave.runner.run_program` (library) and `python3 -m interleave` (CLI).
"""
