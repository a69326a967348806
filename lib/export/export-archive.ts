import { Zip, ZipDeflate } from "fflate";
import { z } from "zod";
import { getGradebook, type GradebookView } from "@/lib/assignments/get-gradebook";
import { parseInput } from "@/lib/config/parse-input";
import { insertGradeExport, listAssignmentSubmissionsPage, type ArchivedSubmissionRow } from "@/lib/db/assignments";
import { exportFileName } from "./export-file-name";
import { gradeFileRows } from "./grade-file-layouts";
import { writeCsv } from "./write-csv";

export const exportArchiveInput = z.object({
  userId: z.string().min(1).max(64),
  assignmentId: z.string().min(1).max(64),
  now: z.date().optional(),
});

export interface ExportedArchive {
  fileName: string;
  contentType: "application/zip";
  /** Streams: submissions are read a page at a time, so a large class never sits in memory. */
  stream: ReadableStream<Uint8Array>;
}

const PAGE = 200;

/**
 * The record of an assignment: a zip with `grades.csv` (the generic layout), `assignment.json`
 * (settings, students, the override/extension trail) and, per submission,
 * `submissions/<email>/<exercise>/attempt-<n>.py` + `.json` (status, score, verdict, trace).
 * Authorization and the gradebook are checked before the first byte, so errors are plain 4xx.
 */
export async function exportArchive(input: z.input<typeof exportArchiveInput>): Promise<ExportedArchive> {
  const { userId, assignmentId, now } = parseInput(exportArchiveInput, input);
  const book = await getGradebook({ userId, assignmentId });
  await insertGradeExport({ assignmentId, format: "ARCHIVE", createdById: userId, rowCount: book.students.length });
  const fileName = exportFileName({
    className: book.className,
    assignmentTitle: book.assignment.title,
    format: "archive",
    at: now ?? new Date(),
    timeZone: book.assignment.timeZone ?? "UTC",
    extension: "zip",
  });
  return { fileName, contentType: "application/zip", stream: archiveStream(book, assignmentId) };
}

function archiveStream(book: GradebookView, assignmentId: string): ReadableStream<Uint8Array> {
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
      addFile(zip, "grades.csv", writeCsv(gradeFileRows("csv", book)));
      addFile(
        zip,
        "assignment.json",
        json({ assignment: book.assignment, className: book.className, students: book.students, audit: book.audit }),
      );
      try {
        await addSubmissions(zip, book, assignmentId);
        zip.end();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

async function addSubmissions(zip: Zip, book: GradebookView, assignmentId: string): Promise<void> {
  const emailOf = new Map(book.students.map((s) => [s.userId, s.email]));
  const slugOf = new Map(book.exercises.map((e) => [e.exerciseId, e.slug]));
  let afterId: string | null = null;
  for (;;) {
    const page: ArchivedSubmissionRow[] = await listAssignmentSubmissionsPage(assignmentId, afterId, PAGE);
    for (const row of page) {
      const folder = `submissions/${safeName(emailOf.get(row.userId) ?? row.userId)}/${safeName(slugOf.get(row.exerciseId) ?? row.exerciseId)}`;
      addFile(zip, `${folder}/attempt-${row.attemptNumber}.py`, new TextEncoder().encode(row.code));
      const { code: _code, ...record } = row;
      addFile(zip, `${folder}/attempt-${row.attemptNumber}.json`, json(record));
    }
    if (page.length < PAGE) return;
    afterId = page[page.length - 1].id;
  }
}

function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}@._+-]+/gu, "_").slice(0, 100) || "_";
}

function json(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

function addFile(zip: Zip, name: string, data: Uint8Array): void {
  const file = new ZipDeflate(name, { level: 6 });
  zip.add(file);
  file.push(data, true);
}
