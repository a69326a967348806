import { z } from "zod";
import { getGradebook } from "@/lib/assignments/get-gradebook";
import { parseInput } from "@/lib/config/parse-input";
import { insertGradeExport } from "@/lib/db/assignments";
import { exportFileName } from "./export-file-name";
import { gradeFileRows } from "./grade-file-layouts";
import { writeCsv } from "./write-csv";

export const exportGradesInput = z.object({
  userId: z.string().min(1).max(64),
  assignmentId: z.string().min(1).max(64),
  format: z.enum(["csv", "canvas", "moodle"], { message: 'format is "csv", "canvas" or "moodle" (or "archive").' }),
  /** Injectable for tests: the date in the file name. */
  now: z.date().optional(),
});

export interface ExportedFile {
  fileName: string;
  contentType: string;
  body: Uint8Array;
  rowCount: number;
}

const RECORDED_FORMAT = { csv: "CSV", canvas: "CANVAS", moodle: "MOODLE" } as const;

/** The owner downloads the grade file; students get NOT_FOUND/FORBIDDEN from the policy. */
/** `format` is whatever the caller received (a query string); anything else is a clear 400. */
export async function exportGrades(
  input: Omit<z.input<typeof exportGradesInput>, "format"> & { format: string },
): Promise<ExportedFile> {
  const { userId, assignmentId, format, now } = parseInput(exportGradesInput, input);
  const book = await getGradebook({ userId, assignmentId });
  const body = writeCsv(gradeFileRows(format, book));
  await insertGradeExport({
    assignmentId,
    format: RECORDED_FORMAT[format],
    createdById: userId,
    rowCount: book.students.length,
  });
  return {
    fileName: exportFileName({
      className: book.className,
      assignmentTitle: book.assignment.title,
      format,
      at: now ?? new Date(),
      timeZone: book.assignment.timeZone ?? "UTC",
      extension: "csv",
    }),
    contentType: "text/csv; charset=utf-8",
    body,
    rowCount: book.students.length,
  };
}
