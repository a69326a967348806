import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
import { needsNetworkZygote } from "@/lib/sandbox/needs-network-zygote";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import type { NetworkSpec } from "@/lib/run-contract/network-spec.types";
import type { SandboxRunner } from "@/lib/sandbox/sandbox-runner.types";

// Each slot keeps a lean zygote (no networking libraries) and, once a run needs it, a networked
// one. Which one a run gets must change its speed only, never its result.
const ENV_UID_BASE = Number(process.env.SANDBOX_UID_BASE);
const UID_BASE =
  Number.isInteger(ENV_UID_BASE) && ENV_UID_BASE > 0 ? ENV_UID_BASE + 40 : 63600 + (process.pid % 20) * 2;
const NETWORK: NetworkSpec = { hosts: { "a.example": { routes: { "GET /": { body: "hello" } } } } };

let runner: SandboxRunner;
beforeAll(() => {
  runner = createSandboxRunner({ mode: "bwrap", poolSize: 1, uidBase: UID_BASE });
});
afterAll(() => runner.close());

const stdout = (result: RunResult) => result.events.filter((e) => e.stream === "stdout").map((e) => e.text);

// The probes read sys.modules, which the static scan reports (nothing else may be found: a lazy
// import of the networking libraries in the lean zygote must not look like tampering at run time).
const SCAN_FINDING = /^line \d+: manipulates sys\.modules \(can reach the harness\)$/;

async function run(code: string, network: NetworkSpec | null = null): Promise<RunResult> {
  const result = await runner.run({ code, seed: 0, network });
  expect([result.status, result.error?.message ?? null]).toEqual(["ok", null]);
  if (code.includes("sys.modules")) expect(result.tamper?.reason).toMatch(SCAN_FINDING);
  else expect(result.tamper).toBeNull();
  return result;
}

// Which libraries the zygote preloaded, asked without naming them (the names would route the run).
const PRELOADED = `import sys
names = ["aioht" + "tp", "req" + "uests", "interleave.v" + "tls"]
print("preloaded", [name for name in names if name in sys.modules])
`;

// Reaches requests through a dynamic import the host's check cannot see.
const EVASIVE = `import builtins, sys
name = "req" + "uests"
before = name in sys.modules
lib = getattr(builtins, "__imp" + "ort__")(name)
try:
    lib.get("htt" + "p://a.example/")
except lib.exceptions.ConnectionError as error:
    print(before, "no host:", "Name or service not known" in str(error))
`;

describe("lean and networked zygotes", () => {
  it("runs a program without network in the lean zygote", async () => {
    expect(needsNetworkZygote({ code: PRELOADED, network: null })).toBe(false);
    expect(stdout(await run(PRELOADED))).toEqual(["preloaded []"]);
  });

  it("runs a program with a network spec in the networked zygote, with correct results", async () => {
    const code = `${PRELOADED}import requests, aiohttp, asyncio
print(requests.get("https://a.example/").text)
async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://a.example/") as response:
            print(await response.text())
asyncio.run(main())
`;
    expect(stdout(await run(code, NETWORK))).toEqual([
      "preloaded ['aiohttp', 'requests', 'interleave.vtls']",
      "hello",
      "hello",
    ]);
  });

  it("sends a program importing requests without a network spec to the networked zygote", async () => {
    const code = `${PRELOADED}import requests
try:
    requests.get("http://a.example/")
except requests.ConnectionError:
    print("no host")
`;
    expect(stdout(await run(code))).toEqual(["preloaded ['aiohttp', 'requests', 'interleave.vtls']", "no host"]);
  });

  it("gives a network program that slips past the check the same result in the lean zygote", async () => {
    expect(needsNetworkZygote({ code: EVASIVE, network: null })).toBe(false);
    const lean = await run(EVASIVE);
    // The same program, routed to the networked zygote by a comment.
    const networked = await run(`${EVASIVE}# socket\n`);
    expect(stdout(lean)).toEqual(["False no host: True"]);
    expect(stdout(networked)).toEqual(["True no host: True"]);
    expect(lean.virtualTime).toBe(networked.virtualTime);
  });

  it("interleaves lean and networked runs on one pair, one at a time, all correct", async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        index % 2 === 0
          ? run(PRELOADED)
          : run(`import requests\nprint(requests.get("http://a.example/").text)\n`, NETWORK),
      ),
    );
    expect(results.map((result) => stdout(result).join(" "))).toEqual(
      Array.from({ length: 6 }, (_, index) => (index % 2 === 0 ? "preloaded []" : "hello")),
    );
    expect(runner.status().busySlots).toBe(0);
  });
});
