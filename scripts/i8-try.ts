import { readFileSync } from "node:fs";
import { createSandboxRunner } from "@/lib/sandbox/create-sandbox-runner";
async function main() {
  const runner = createSandboxRunner({ mode: "bwrap", poolSize: 1, uidBase: 62000 });
  for (const file of process.argv.slice(2)) {
    const code = file.endsWith(".py") ? readFileSync(file, "utf8") : file;
    const r = await runner.run({ code, limits: { cpuSeconds: 2, wallSeconds: Number(process.env.I8_WALL ?? 4), memoryMb: 256 } });
    console.log(JSON.stringify(r).slice(0, 2500));
  }
  await runner.close();
}
void main();
