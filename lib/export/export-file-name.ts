import { formatInZone } from "@/lib/assignments/time-zone";

/** Letters (any script), digits and dashes: readable, and safe on every file system. */
function slugOf(text: string): string {
  const slug = text
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "untitled";
}

/** "Coroutines-101-Homework-1-canvas-2026-09-02.csv": class, assignment, format, date in the class's zone. */
export function exportFileName(parts: {
  className: string;
  assignmentTitle: string;
  format: string;
  at: Date;
  timeZone: string;
  extension: string;
}): string {
  const date = formatInZone(parts.at, parts.timeZone).slice(0, 10);
  return `${slugOf(parts.className)}-${slugOf(parts.assignmentTitle)}-${parts.format}-${date}.${parts.extension}`;
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name (Chinese class names survive). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
