/**
 * The processes of the burst benchmark: the production build (reused when fresh), the real server
 * (`node dist/server.js`) on an ephemeral port, and optionally extra `scripts/worker.ts` graders.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "../production-build";

export interface Child {
  name: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    name,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill("SIGTERM");
      }),
  };
}

/** The real production server; resolves once /api/health answers. */
export async function startServer(env: NodeJS.ProcessEnv, url: string): Promise<Child> {
  // e.g. BURST_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to see where the server's time goes.
  const nodeArgs = (process.env.BURST_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = startChild("server", [...nodeArgs, "dist/server.js"], env);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null)
      throw new Error(`the server exited with ${server.process.exitCode}:\n${server.output()}`);
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200 || status === 503) return server;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await server.stop();
  throw new Error(`the server did not answer within 60 s:\n${server.output()}`);
}

/** One more grader (`npm run worker`), run as `node --import tsx` so a stop reaches the real process. */
export async function startWorker(env: NodeJS.ProcessEnv): Promise<Child> {
  const worker = startChild("worker", ["--import", "tsx", "scripts/worker.ts"], env);
  const deadline = Date.now() + 60_000;
  while (!/grading with/.test(worker.output())) {
    if (worker.process.exitCode !== null)
      throw new Error(`the worker exited with ${worker.process.exitCode}:\n${worker.output()}`);
    if (Date.now() > deadline) throw new Error(`the worker did not start within 60 s:\n${worker.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return worker;
}
