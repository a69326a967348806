/**
 * HOOK for the exercise library (issue 4): `npm run db:seed` calls this after the demo class
 * exists, inside the same run. Import content/exercises/* into the class here, idempotently (e.g.
 * upsert by Exercise (classId, slug)). Until then it does nothing.
 */
export interface SeedContext {
  classId: string;
  instructorId: string;
}

export async function seedExerciseLibrary(context: SeedContext): Promise<{ imported: number }> {
  void context;
  return { imported: 0 };
}
