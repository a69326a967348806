/**
 * The exercise-library hook of `npm run db:seed`: the demo class gets the whole built-in library
 * (content/exercises), published. Idempotent through importLibraryIntoClass: unchanged exercises
 * are left alone, changed ones get a new version, so re-seeding never duplicates anything.
 */
import { importLibraryIntoClass } from "../../lib/exercises/import-library-into-class";

export interface SeedContext {
  classId: string;
  instructorId: string;
}

export async function seedExerciseLibrary(context: SeedContext): Promise<{ imported: number }> {
  const result = await importLibraryIntoClass({
    userId: context.instructorId,
    classId: context.classId,
    publish: true,
  });
  return { imported: result.created + result.versioned };
}
