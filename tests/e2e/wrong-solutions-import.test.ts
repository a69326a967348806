/**
 * In a real browser against the production build: the instructor saves the program they tried as
 * a named wrong solution (a passing program is refused with a clear message), the exercise exports
 * with wrong/NAME.py, and the exported folder imports into another class from the class page, both
 * as a .zip and as a folder picked as it is. At 390 px the dashboard's live feed stacks as cards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strToU8, zipSync, type Zippable } from "fflate";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ExercisePackage } from "@/lib/exercises/exercise-package.types";
import { exportExercisePackage } from "@/lib/exercises/export-exercise-package";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { HttpSession } from "@/tests/helpers/http-session";
import type { TestServer } from "@/tests/helpers/server";
import { TWO_WORKERS_SHORT as SOLUTION, TWO_WORKERS_SHORT_SEQUENTIAL as SEQUENTIAL } from "@/tests/helpers/two-workers";

const PASSWORD = "password 123";

let world: BrowserWorld;
let server: TestServer;
let teacher: HttpSession;
let out: string;

beforeAll(async () => {
  world = await startBrowserWorld({ password: PASSWORD });
  server = world.server;
  teacher = new HttpSession(server.url);
  await teacher.signUpAndSignIn({ email: "ada@example.edu", password: PASSWORD, name: "Ada", role: "instructor" });
  out = fs.mkdtempSync(path.join(os.tmpdir(), "interleave-e2e-export-"));
}, 600_000);

afterAll(async () => {
  await world?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const signedInPage = (): Promise<Page> => world.signIn("ada@example.edu");

async function newClass(name: string): Promise<string> {
  return (await teacher.json<{ class: { id: string } }>("POST", "/api/classes", { name })).body.class.id;
}

it("saves a wrong solution from the editor, exports it, and imports the folder and its zip elsewhere", async () => {
  const classId = await newClass("Authoring");
  const created = await teacher.json<{ exercise: { id: string } }>("POST", `/api/classes/${classId}/exercises`, {
    kind: "WRITE_CODE",
    title: { en: "Two workers" },
    prompt: { en: "Run both at once." },
    solution: SOLUTION,
  });
  const exerciseId = created.body.exercise.id;
  expect((await teacher.json("POST", `/api/exercises/${exerciseId}/record`, {})).status).toBe(200);

  const page = await signedInPage();
  await page.goto(`${server.url}/classes/${classId}/exercises/${exerciseId}`);
  await page.getByTestId("python-editor-loading").first().waitFor({ state: "detached", timeout: 30_000 });
  const tryEditor = page.getByRole("textbox", { name: "Try a wrong solution" });
  const name = page.getByLabel("Name", { exact: true });
  const save = page.getByRole("button", { name: "Save as wrong solution" });
  // The reference solution passes: refused, and nothing is listed.
  await tryEditor.fill(SOLUTION);
  await name.fill("right");
  await save.click();
  await expect
    .poll(() => page.getByRole("alert").filter({ hasText: "passes the expected trace" }).count(), { timeout: 60_000 })
    .toBe(1);
  await tryEditor.fill(SEQUENTIAL);
  await name.fill("sequential-awaits");
  await save.click();
  await expect.poll(() => page.getByText("Saved as wrong/sequential-awaits.py.").count(), { timeout: 60_000 }).toBe(1);
  const listed = page.getByRole("list", { name: "Wrong solutions" }).getByRole("listitem");
  expect(await listed.allTextContents()).toEqual([expect.stringContaining("wrong/sequential-awaits.py")]);

  // The export carries it; written as a folder and zipped, as an instructor would keep it.
  const exported = await teacher.json<{ package: ExercisePackage }>("GET", `/api/exercises/${exerciseId}/export`);
  const dir = await exportExercisePackage({ pkg: exported.body.package, root: out });
  expect(fs.readFileSync(path.join(dir, "wrong", "sequential-awaits.py"), "utf8")).toBe(SEQUENTIAL);
  const zipFile = path.join(os.tmpdir(), `two-workers-${process.pid}.zip`);
  fs.writeFileSync(zipFile, zipSync(tree(out)));

  const otherId = await newClass("Imported");
  await page.goto(`${server.url}/classes/${otherId}`);
  await page.locator('input[type=file][accept*="zip"]').setInputFiles(zipFile);
  await expect.poll(() => page.getByText("Imported “two-workers” (new draft).").count()).toBe(1);
  await page.locator("input[type=file][webkitdirectory]").setInputFiles(dir);
  await expect.poll(() => page.getByText("Imported “two-workers” (unchanged).").count()).toBe(1);
  fs.rmSync(zipFile, { force: true });

  const imported = await teacher.json<{ exercises: { id: string; slug: string }[] }>(
    "GET",
    `/api/classes/${otherId}/exercises`,
  );
  const copy = imported.body.exercises.find((exercise) => exercise.slug === "two-workers");
  const wrong = await teacher.json<{ wrongSolutions: { file: string; code: string }[] }>(
    "GET",
    `/api/exercises/${copy?.id}/wrong-solutions`,
  );
  expect(wrong.body.wrongSolutions.map((entry) => [entry.file, entry.code])).toEqual([
    ["wrong/sequential-awaits.py", SEQUENTIAL],
  ]);
}, 240_000);

it("stacks the dashboard's live feed as cards at 390 px, with nothing scrolling sideways", async () => {
  const created = await teacher.json<{ class: { id: string; joinCode: string } }>("POST", "/api/classes", {
    name: "Phone",
  });
  const classId = created.body.class.id;
  const exercise = await teacher.json<{ exercise: { id: string } }>("POST", `/api/classes/${classId}/exercises`, {
    kind: "WRITE_CODE",
    title: { en: "Two workers with a rather long title for a phone screen" },
    prompt: { en: "Run both at once." },
    solution: SOLUTION,
  });
  const exerciseId = exercise.body.exercise.id;
  expect((await teacher.json("POST", `/api/exercises/${exerciseId}/record`, {})).status).toBe(200);
  expect((await teacher.json("PATCH", `/api/exercises/${exerciseId}`, { status: "PUBLISHED" })).status).toBe(200);
  const student = new HttpSession(server.url);
  await student.signUpAndSignIn({ email: "kim@example.edu", password: PASSWORD, name: "Kim", role: "student" });
  expect((await student.json("POST", "/api/classes/join", { code: created.body.class.joinCode })).status).toBe(201);
  for (const code of [SEQUENTIAL, SOLUTION])
    expect((await student.json("POST", `/api/exercises/${exerciseId}/submissions`, { code })).status).toBe(202);

  const phone = await world.pageAs(teacher, { width: 390, height: 844 });
  await phone.goto(`${server.url}/classes/${classId}/dashboard`);
  const rows = phone.getByTestId("live-feed-row");
  await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(2);
  expect(await rows.first().evaluate((row) => getComputedStyle(row).display)).toBe("grid");
  const feed = phone.getByTestId("live-feed");
  expect(await feed.evaluate((table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth)).toBe(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
  // Still a table to a screen reader: a row with its cells, the headers kept for them.
  expect(await rows.first().getAttribute("role")).toBe("row");
  expect(await feed.getByRole("columnheader", { name: "Student" }).count()).toBe(1);
  await phone.context().close();
}, 240_000);

function tree(root: string): Zippable {
  const zippable: Zippable = {};
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    zippable[entry.name] = entry.isDirectory() ? tree(full) : strToU8(fs.readFileSync(full, "utf8"));
  }
  return zippable;
}
