/**
 * `npm run bench:first-load -- [--base URL] [--write]`: JavaScript each page of a running
 * production server loads before its `load` event (first load), and what it loads lazily after,
 * measured in Debian's chromium (compressed bytes on the wire and decoded bytes), signed in as the
 * demo student (and the demo instructor for instructor pages). `--write` replaces the block in
 * docs/performance.md. Start the server first (`npm run build && npm start`) with the demo data.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext } from "playwright-core";
import { launchChromium } from "../launch-chromium";

const args = process.argv.slice(2);
const base = args.includes("--base")
  ? args[args.indexOf("--base") + 1]
  : `http://localhost:${process.env.PORT ?? 3000}`;
const DOC = path.join(__dirname, "..", "..", "docs", "performance.md");

interface Row {
  route: string;
  firstKb: number;
  firstRawKb: number;
  lazyKb: number;
}

async function signIn(context: BrowserContext, email: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.locator("input[type=email]").fill(email);
  await page.locator("input[type=password]").fill("interleave-demo");
  await page.locator("button[type=submit]").click();
  await page.waitForURL(/dashboard/);
  await page.close();
}

async function measure(context: BrowserContext, route: string, label: string): Promise<Row> {
  const page = await context.newPage();
  const client = await context.newCDPSession(page);
  await client.send("Network.enable");
  await client.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, { wire: number; raw: number; afterLoad: boolean }>();
  let loaded = false;
  client.on("Network.responseReceived", (event) => {
    if (event.type === "Script") scripts.set(event.requestId, { wire: 0, raw: 0, afterLoad: loaded });
  });
  client.on("Network.dataReceived", (event) => {
    const entry = scripts.get(event.requestId);
    if (entry) entry.raw += event.dataLength;
  });
  client.on("Network.loadingFinished", (event) => {
    const entry = scripts.get(event.requestId);
    if (entry) entry.wire = event.encodedDataLength;
  });
  page.on("load", () => {
    loaded = true;
  });
  await page.goto(`${base}${route}`, { waitUntil: "load" });
  await page.waitForTimeout(2500); // lazy chunks (editor, timeline) arrive after the first paint
  await page.close();
  const sum = (after: boolean, key: "wire" | "raw") =>
    [...scripts.values()].filter((s) => s.afterLoad === after).reduce((total, s) => total + s[key], 0) / 1024;
  return { route: label, firstKb: sum(false, "wire"), firstRawKb: sum(false, "raw"), lazyKb: sum(true, "wire") };
}

async function main(): Promise<void> {
  const browser = await launchChromium();
  const rows: Row[] = [];
  try {
    const anonymous = await browser.newContext();
    rows.push(await measure(anonymous, "/", "/ (landing)"), await measure(anonymous, "/sign-in", "/sign-in"));
    const student = await browser.newContext();
    await signIn(student, "student1@interleave.test");
    const page = await student.newPage();
    await page.goto(`${base}/dashboard`);
    const classHref = await page.locator('a[href^="/classes/"]').first().getAttribute("href");
    await page.goto(`${base}${classHref}`);
    const exerciseHref = await page.locator('a[href^="/exercises/"]').first().getAttribute("href");
    await page.close();
    rows.push(await measure(student, "/dashboard", "/dashboard"));
    if (classHref) rows.push(await measure(student, classHref, "/classes/[id] (student)"));
    if (exerciseHref) rows.push(await measure(student, exerciseHref, "/exercises/[id]"));
    const teacher = await browser.newContext();
    await signIn(teacher, "teacher@interleave.test");
    if (classHref) rows.push(await measure(teacher, classHref, "/classes/[id] (instructor)"));
  } finally {
    await browser.close();
  }
  const table = [
    "| route | first-load JS (gzip, kB) | first-load JS (decoded, kB) | loaded after `load` (gzip, kB) |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (r) => `| ${r.route} | ${r.firstKb.toFixed(1)} | ${r.firstRawKb.toFixed(1)} | ${r.lazyKb.toFixed(1)} |`,
    ),
  ].join("\n");
  process.stdout.write(`${table}\n`);
  if (args.includes("--write")) {
    const block = `<!-- bench:first-load:start -->\nLatest run (${new Date().toISOString().slice(0, 10)}), reproduce with \`npm run bench:first-load -- --write\` against \`npm start\`:\n\n${table}\n<!-- bench:first-load:end -->`;
    const doc = readFileSync(DOC, "utf8");
    const pattern = /<!-- bench:first-load:start -->[\s\S]*<!-- bench:first-load:end -->/;
    const next = pattern.test(doc)
      ? doc.replace(pattern, block)
      : `${doc.trimEnd()}\n\n## First-load JavaScript per route\n\nThe JavaScript a page loads before its \`load\` event, measured in chromium against the production build\n(cache disabled). The exercise page's CodeMirror editor and timeline picture are dynamic imports that\nstart after hydration, so they appear in the last column, not in the first load.\n\n${block}\n`;
    writeFileSync(DOC, next);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
