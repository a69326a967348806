/**
 * `npm run exercises -- COMMAND`: the exercise library from the command line.
 *
 *   list                                              the built-in library (content/exercises)
 *   import --class ID|JOINCODE [--slugs a,b] [--publish]   import it into a class
 *   export --exercise ID --out DIR [--overwrite]      write a class exercise as DIR/<slug>/
 *
 * The use cases run as the class's owner (looked up from the class), so the CLI goes through the
 * same authorization and versioning rules as the web UI.
 */
import { parseArgs } from "node:util";
import { findClassByJoinCode, findClassWithCounts } from "@/lib/db/classes";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { disconnectDb } from "@/lib/db/get-db";
import { normalizeJoinCode } from "@/lib/classes/join-code";
import { AppError } from "@/lib/errors/app-error";
import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { exportExercisePackage } from "@/lib/exercises/export-exercise-package";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { listLibrary } from "@/lib/exercises/list-library";
import { loadDotEnv } from "./db/prisma-cli";

const USAGE = `usage:
  npm run exercises -- list
  npm run exercises -- import --class ID|JOINCODE [--slugs a,b] [--publish]
  npm run exercises -- export --exercise ID --out DIR [--overwrite]`;

class UsageError extends Error {}

async function listCommand(): Promise<void> {
  for (const pkg of await listLibrary()) {
    const { slug, title, schedules } = pkg.manifest;
    console.log(`${slug.padEnd(40)} ${pkg.kind.padEnd(15)} K=${String(schedules ?? "auto").padEnd(4)} ${title.en}`);
  }
}

async function importCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { class: { type: "string" }, slugs: { type: "string" }, publish: { type: "boolean" } },
  });
  if (!values.class) throw new UsageError("import needs --class ID|JOINCODE");
  const klass = await findClass(values.class);
  const slugs = values.slugs
    ?.split(",")
    .map((slug) => slug.trim())
    .filter(Boolean);
  const result = await importLibraryIntoClass({
    userId: klass.ownerId,
    classId: klass.id,
    slugs,
    publish: values.publish ?? false,
  });
  for (const exercise of result.exercises) {
    console.log(`${exercise.outcome.padEnd(10)} ${exercise.slug.padEnd(40)} v${exercise.version} ${exercise.status}`);
  }
  console.log(
    `\n${klass.name}: ${result.created} created, ${result.versioned} new version(s), ${result.unchanged} unchanged.`,
  );
}

async function exportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { exercise: { type: "string" }, out: { type: "string" }, overwrite: { type: "boolean" } },
  });
  if (!values.exercise || !values.out) throw new UsageError("export needs --exercise ID and --out DIR");
  const exercise = await findExerciseWithCurrentVersion(values.exercise);
  const klass = exercise ? await findClassWithCounts(exercise.classId) : null;
  if (!exercise || !klass) throw new AppError("NOT_FOUND", `No exercise with id ${values.exercise}.`);
  const pkg = await exportClassExercise({ userId: klass.ownerId, exerciseId: exercise.id });
  const dir = await exportExercisePackage({ pkg, root: values.out, overwrite: values.overwrite ?? false });
  console.log(`Wrote ${exercise.slug} (version ${exercise.version.version}) to ${dir}`);
}

/** A class by id, or by join code in any case/dash form. */
async function findClass(ref: string) {
  const byId = await findClassWithCounts(ref);
  if (byId) return byId;
  const code = normalizeJoinCode(ref);
  const byCode = code ? await findClassByJoinCode(code) : null;
  if (!byCode) throw new AppError("NOT_FOUND", `No class has the id or join code ${ref}.`);
  return byCode;
}

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const [command, ...rest] = argv;
  try {
    if (command === "list") await listCommand();
    else if (command === "import") await importCommand(rest);
    else if (command === "export") await exportCommand(rest);
    else throw new UsageError(command ? `unknown command ${command}` : "missing command");
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof AppError) {
      console.error(error.message);
      for (const [key, messages] of Object.entries(error.details ?? {}))
        console.error(`  ${key}: ${messages.join("; ")}`);
      return 1;
    }
    throw error;
  } finally {
    await disconnectDb();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
