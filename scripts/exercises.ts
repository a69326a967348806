/**
 * `npm run exercises -- COMMAND`: the exercise library from the command line.
 *
 *   list                                              the built-in library (content/exercises)
 *   import --class ID|JOINCODE [--slugs a,b] [--publish]   import it into a class
 *   import --class ID|JOINCODE --from DIR [--publish]      import exported folder(s): DIR is one
 *                                                     exercise folder or a folder of them
 *   export --exercise ID --out DIR [--overwrite]      write a class exercise as DIR/<slug>/
 *
 * The use cases run as the class's owner (looked up from the class), so the CLI goes through the
 * same authorization and versioning rules as the web UI.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { findClassByJoinCode, findClassWithCounts } from "@/lib/db/classes";
import { findExerciseWithCurrentVersion } from "@/lib/db/exercises";
import { disconnectDb } from "@/lib/db/get-db";
import { normalizeJoinCode } from "@/lib/classes/join-code";
import { AppError } from "@/lib/errors/app-error";
import { exportClassExercise } from "@/lib/exercises/export-class-exercise";
import { exportExercisePackage } from "@/lib/exercises/export-exercise-package";
import { importExerciseIntoClass } from "@/lib/exercises/import-exercise-into-class";
import { importLibraryIntoClass } from "@/lib/exercises/import-library-into-class";
import { loadExercisePackage } from "@/lib/exercises/load-exercise-package";
import { listLibrary } from "@/lib/exercises/list-library";
import { loadDotEnv } from "./db/prisma-cli";

const USAGE = `usage:
  npm run exercises -- list
  npm run exercises -- import --class ID|JOINCODE [--slugs a,b] [--publish]
  npm run exercises -- import --class ID|JOINCODE --from DIR [--publish]
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
    options: {
      class: { type: "string" },
      slugs: { type: "string" },
      from: { type: "string" },
      publish: { type: "boolean" },
    },
  });
  if (!values.class) throw new UsageError("import needs --class ID|JOINCODE");
  if (values.from && values.slugs) throw new UsageError("--slugs picks from the library; --from imports DIR as it is");
  const klass = await findClass(values.class);
  if (values.from) return importFolders(klass, values.from, values.publish ?? false);
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

/**
 * Exported folders back into a class (the same checks as the library: manifest, spec, every
 * wrong/NAME.py declared). All folders are loaded before anything is written, so a bad folder
 * imports nothing.
 */
async function importFolders(klass: { id: string; name: string; ownerId: string }, from: string, publish: boolean) {
  const root = path.resolve(from);
  const dirs = fs.existsSync(path.join(root, "exercise.json"))
    ? [root]
    : fs
        .readdirSync(root, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(root, entry.name, "exercise.json")))
        .map((entry) => path.join(root, entry.name))
        .sort();
  if (dirs.length === 0) throw new AppError("BAD_REQUEST", `${root} holds no exercise folder (no exercise.json).`);
  const packages = await Promise.all(dirs.map((dir) => loadExercisePackage({ dir })));
  for (const pkg of packages) {
    const imported = await importExerciseIntoClass({
      userId: klass.ownerId,
      classId: klass.id,
      package: pkg,
      ...(publish ? { status: "PUBLISHED" as const } : {}),
    });
    console.log(`${imported.outcome.padEnd(10)} ${imported.slug.padEnd(40)} v${imported.version} ${imported.status}`);
  }
  console.log(`\n${klass.name}: ${packages.length} folder(s) imported from ${root}.`);
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
