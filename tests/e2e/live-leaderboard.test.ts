/**
 * The projector in a real browser: the leaderboard open in the instructor's context updates, with
 * no reload, when a student in another context passes; the round panel follows a round live.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserWorld, type BrowserWorld } from "@/tests/helpers/browser-world";
import { openProjector, studentPasses } from "@/tests/helpers/projector";

let world: BrowserWorld;

beforeAll(async () => {
  world = await startBrowserWorld();
}, 120_000);

afterAll(() => world?.close());

describe("the projector leaderboard", () => {
  it("updates live when a student in another browser passes, and shows a round", async () => {
    const {
      classId,
      students,
      page: projector,
      alanRow,
    } = await openProjector(world, "Period 3", {
      width: 1600,
      height: 1000,
    });
    // Nobody has points yet: nobody is ranked (the board shows "—").
    expect(await alanRow.getAttribute("data-rank")).toBe("");

    // The student starts a round-free answer in their own browser.
    const student = await studentPasses(world, students[0], classId);

    // No reload on the projector: Alan moves ahead of Ada.
    await expect.poll(() => alanRow.textContent(), { timeout: 30_000 }).toMatch(/Alan Turing\s*1\s*5/);
    expect(
      await projector.getByTestId("leaderboard-row").filter({ hasText: "Ada Lovelace" }).getAttribute("data-rank"),
    ).toBe("");
    await projector.screenshot({ path: "/tmp/interleave-projector.png", fullPage: true });

    // A round started from the projector's controls reaches the student's page live.
    await projector.getByLabel("Duration").selectOption("60");
    await projector.getByRole("button", { name: "Start round" }).click();
    await expect
      .poll(() => projector.getByTestId("round-panel").getAttribute("data-status"), { timeout: 15_000 })
      .toBe("running");
    await expect.poll(() => student.getByTestId("round-banner").isVisible(), { timeout: 15_000 }).toBe(true);
    await student.getByRole("button", { name: "Submit" }).click();
    await expect.poll(() => projector.getByTestId("answer-count").textContent(), { timeout: 30_000 }).toBe("1");
    await projector.getByRole("button", { name: "End now" }).click();
    await expect.poll(() => projector.getByTestId("podium").isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await projector.getByTestId("podium").textContent()).toContain("Alan Turing");
    await projector.screenshot({ path: "/tmp/interleave-projector-round.png", fullPage: true });
    await student.screenshot({ path: "/tmp/interleave-student-round.png", fullPage: true });
  }, 120_000);
});
