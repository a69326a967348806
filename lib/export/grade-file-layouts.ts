import type { GradebookView } from "@/lib/assignments/get-gradebook";
import { formatInZone } from "@/lib/assignments/time-zone";
import { numberCell, textCell } from "./csv-cells";

export type GradeFileFormat = "csv" | "canvas" | "moodle";

/**
 * The three layouts as rows of safe cells (docs/grade-export.md cites the import rules). Every
 * enrolled student appears, in the gradebook's order (name, then email), students with no
 * submission included.
 */
export function gradeFileRows(format: GradeFileFormat, book: GradebookView): string[][] {
  if (format === "canvas") return canvasRows(book);
  if (format === "moodle") return moodleRows(book);
  return genericRows(book);
}

function genericRows(book: GradebookView): string[][] {
  const zone = book.assignment.timeZone ?? "UTC";
  const header = [
    "Student",
    "Email",
    ...book.exercises.map((e) => textCell(e.title.en)),
    "Total",
    "Percent",
    "Late days",
    "Last submission",
  ];
  const rows = book.students.map((student) => [
    textCell(student.name),
    textCell(student.email),
    ...student.cells.map((cell) => numberCell(cell.points)),
    numberCell(student.total),
    numberCell(student.percent),
    String(student.lateDays),
    student.lastSubmittedAt ? formatInZone(new Date(student.lastSubmittedAt), zone) : "",
  ]);
  return [header, ...rows];
}

/**
 * Canvas's gradebook importer: `Student, ID, SIS User ID, SIS Login ID, Section`, then one column
 * per assignment, with a `Points Possible` row first. Canvas matches a row by ID, then SIS User
 * ID, then SIS Login ID, then name; we do not know Canvas's ids, so the email goes in SIS Login ID.
 */
function canvasRows(book: GradebookView): string[][] {
  const header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", textCell(book.assignment.title)];
  const points = ["Points Possible", "", "", "", "", numberCell(book.pointsPossible)];
  const rows = book.students.map((student) => [
    textCell(student.name),
    "",
    "",
    textCell(student.email),
    "",
    numberCell(student.total),
  ]);
  return [header, points, ...rows];
}

/** Moodle's "Import grades: CSV file": map "Email address" to useremail, the grade to the item. */
function moodleRows(book: GradebookView): string[][] {
  const header = ["Email address", textCell(book.assignment.title)];
  return [header, ...book.students.map((student) => [textCell(student.email), numberCell(student.total)])];
}
