/**
 * The fixture of the editor's schedules/CPU-stretch tests (integration and end-to-end): a library
 * exercise imported without a schedules count (stored 0: "automatic"), and a program that holds the
 * event loop.
 */
import type { HttpSession } from "@/tests/helpers/http-session";

export const AUTOMATIC_SLUG = "07-future-call-later";

/** Half a second of CPU inside one loop step (line 6): twice a 250 ms threshold. */
export const SPIN = `import asyncio, time


async def main():
    end = time.thread_time() + 0.5
    while time.thread_time() < end:
        pass
    print("done")


asyncio.run(main())
`;

/** A new class of `teacher`'s with AUTOMATIC_SLUG imported (a draft). */
export async function classWithAutomaticExercise(
  teacher: HttpSession,
  className: string,
): Promise<{ classId: string; exerciseId: string }> {
  const created = await teacher.json<{ class: { id: string } }>("POST", "/api/classes", { name: className });
  const classId = created.body.class.id;
  const imported = await teacher.json<{ exercises: { id: string }[] }>(
    "POST",
    `/api/classes/${classId}/exercises/import`,
    { slugs: [AUTOMATIC_SLUG] },
  );
  if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${JSON.stringify(imported.body)}`);
  return { classId, exerciseId: imported.body.exercises[0].id };
}
