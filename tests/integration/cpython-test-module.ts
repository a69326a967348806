/**
 * A program that runs one of CPython's own test_asyncio modules inside the sandbox (Debian's
 * libpython3.11-testsuite), leaving out the named tests, and prints one summary line:
 * "ran N failures F errors E skipped S".
 */
export function cpythonTestModuleProgram(module: string, excluded: string[]): string {
  return [
    "import sys, unittest",
    `from test.test_asyncio import ${module} as mod`,
    `EXCLUDED = ${JSON.stringify(excluded)}`,
    "def cases(suite):",
    "    for item in suite:",
    "        if isinstance(item, unittest.TestSuite):",
    "            yield from cases(item)",
    "        else:",
    "            yield item",
    "loaded = unittest.defaultTestLoader.loadTestsFromModule(mod)",
    "kept = [c for c in cases(loaded) if not any(c.id().endswith(name) for name in EXCLUDED)]",
    "result = unittest.TextTestRunner(stream=sys.stderr, verbosity=0).run(unittest.TestSuite(kept))",
    'print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors),',
    '      "skipped", len(result.skipped))',
  ].join("\n");
}
