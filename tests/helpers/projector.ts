/**
 * The projector scenario shared by the live-leaderboard end-to-end tests: a class with the
 * predict-the-output exercise, two students, the leaderboard open live, and a student who passes
 * in their own browser.
 */
import { expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import type { BrowserWorld } from "@/tests/helpers/browser-world";
import type { HttpSession } from "@/tests/helpers/http-session";
import { RIGHT, classWithExercise, newUser } from "@/tests/helpers/live";

export interface Projector {
  classId: string;
  /** Alan Turing (first) and Ada Lovelace, both joined. */
  students: HttpSession[];
  /** The leaderboard, connected ("Live"). */
  page: Page;
  alanRow: Locator;
}

export async function openProjector(
  world: BrowserWorld,
  className: string,
  viewport: { width: number; height: number },
): Promise<Projector> {
  const url = world.server.url;
  const teacher = await newUser(url, "instructor", "Grace");
  const { classId, joinCode } = await classWithExercise(teacher, className);
  const students = await Promise.all(["Alan Turing", "Ada Lovelace"].map((name) => newUser(url, "student", name)));
  for (const session of students)
    expect((await session.json("POST", "/api/classes/join", { code: joinCode })).status).toBe(201);

  const page = await world.pageAs(teacher, viewport);
  await page.goto(`${url}/classes/${classId}/leaderboard`);
  await expect
    .poll(() => page.getByRole("status").filter({ hasText: "Live" }).isVisible(), { timeout: 15_000 })
    .toBe(true);
  const alanRow = page.getByTestId("leaderboard-row").filter({ hasText: "Alan Turing" });
  return { classId, students, page, alanRow };
}

/** `session` opens the exercise on a phone-sized page and submits the right prediction (typed). */
export async function studentPasses(world: BrowserWorld, session: HttpSession, classId: string): Promise<Page> {
  const student = await world.pageAs(session, { width: 390, height: 844 });
  await student.goto(`${world.server.url}/classes/${classId}`);
  await student.getByRole("link", { name: "Predict the output: two awaits in a row" }).click();
  await student.waitForURL(/\/exercises\/[^/]+$/);
  await expect.poll(() => student.getByTestId("python-editor-loading").count(), { timeout: 15_000 }).toBe(0);
  // The exercise has a line bank, so ordering is the default: this student types instead.
  await student.getByRole("radio", { name: "Type them" }).check();
  await student.getByRole("textbox", { name: /Your prediction/ }).fill(RIGHT);
  await student.getByRole("button", { name: "Submit" }).click();
  return student;
}
