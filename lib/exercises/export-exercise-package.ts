import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/errors/app-error";
import { exerciseManifestSchema, type ExerciseManifestInput, type ExercisePackage } from "./exercise-package.types";

/**
 * Writes an exercise (typically an instructor's class exercise) back to the library's folder
 * format as `root/<slug>/`, so it can be kept in git and loaded again with loadExercisePackage:
 * load(export(pkg)) gives back pkg. Refuses to write into a non-empty folder unless `overwrite`;
 * with `overwrite`, stale wrong/*.py files are removed so the folder matches the package exactly.
 */
export async function exportExercisePackage({
  pkg,
  root,
  overwrite = false,
}: {
  pkg: ExercisePackage;
  root: string;
  overwrite?: boolean;
}): Promise<string> {
  const manifest = manifestOf(pkg);
  const dir = path.join(root, manifest.slug);
  await prepareFolder(dir, overwrite);
  const files = filesOf(pkg, manifest);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text, "utf8");
  }
  return dir;
}

/** The manifest to write: wrong solutions come from the package's list, the one source of truth. */
function manifestOf(pkg: ExercisePackage): ExerciseManifestInput {
  if (pkg.kind !== pkg.manifest.kind)
    throw new AppError("BAD_REQUEST", `package kind ${pkg.kind} does not match manifest kind ${pkg.manifest.kind}`);
  const manifest: ExerciseManifestInput = { ...pkg.manifest };
  if (pkg.kind === "write-code") manifest.wrongSolutions = pkg.wrongSolutions.map(({ code: _code, ...entry }) => entry);
  else delete manifest.wrongSolutions;
  const parsed = exerciseManifestSchema.safeParse(manifest);
  if (!parsed.success) {
    const details = Object.fromEntries(
      parsed.error.issues.map((issue) => [`exercise.json:${issue.path.map(String).join(".")}`, [issue.message]]),
    );
    throw new AppError("BAD_REQUEST", `cannot export ${manifest.slug}: invalid manifest`, details);
  }
  return manifest;
}

function filesOf(pkg: ExercisePackage, manifest: ExerciseManifestInput): Record<string, string> {
  const files: Record<string, string> = {
    "exercise.json": `${JSON.stringify(manifest, null, 2)}\n`,
    "prompt.en.md": pkg.prompts.en,
    "prompt.zh.md": pkg.prompts.zh,
    "expected.trace": pkg.expectedTrace,
  };
  if (pkg.network) files["network.json"] = `${JSON.stringify(pkg.network, null, 2)}\n`;
  if (pkg.kind === "predict-output") {
    files["program.py"] = pkg.program;
    files["answer.json"] = `${JSON.stringify(pkg.answer, null, 2)}\n`;
    return files;
  }
  files["starter.py"] = pkg.starter;
  files["solution.py"] = pkg.solution;
  for (const wrong of pkg.wrongSolutions) files[wrong.file] = wrong.code;
  return files;
}

async function prepareFolder(dir: string, overwrite: boolean): Promise<void> {
  const existing = await readdir(dir).catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
    throw error;
  });
  if (existing === null) {
    await mkdir(dir, { recursive: true });
    return;
  }
  if (existing.length > 0 && !overwrite) throw new AppError("CONFLICT", `${dir} already exists and is not empty`);
  // Only what the format owns is removed: a stale wrong solution would otherwise be loaded as an undeclared one.
  await rm(path.join(dir, "wrong"), { recursive: true, force: true });
}
