/** `npm run db:seed` gives the demo class the whole library, published, and re-seeding adds nothing. */
import { expect, it } from "vitest";
import { getDb } from "@/lib/db/get-db";
import { listLibrary } from "@/lib/exercises/list-library";
import { seedDemoData } from "@/scripts/db/seed";
import { describeEachProvider, useTestDatabase } from "@/tests/helpers/db";

describeEachProvider("db:seed exercise library", (provider) => {
  useTestDatabase(provider);

  it("imports every library exercise into the demo class, published, idempotently", async () => {
    const library = await listLibrary();
    const first = await seedDemoData();
    const second = await seedDemoData();
    expect(second.classId).toBe(first.classId);
    const db = getDb();
    const exercises = await db.exercise.findMany({ where: { classId: first.classId }, orderBy: { position: "asc" } });
    expect(exercises.map((e) => e.slug)).toEqual(library.map((pkg) => pkg.manifest.slug));
    expect(exercises.every((e) => e.status === "PUBLISHED" && e.currentVersion === 1)).toBe(true);
    expect(await db.exerciseVersion.count({ where: { exercise: { classId: first.classId } } })).toBe(library.length);
  });
});
