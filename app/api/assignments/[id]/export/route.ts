import { exportArchive } from "@/lib/export/export-archive";
import { attachmentDisposition } from "@/lib/export/export-file-name";
import { exportGrades } from "@/lib/export/export-grades";
import { withRoute } from "@/app/api/_lib/route";

/**
 * `?format=csv|canvas|moodle` → text/csv attachment (UTF-8 with BOM); `?format=archive` → a zip of
 * every submission with its verdict and trace. Owner only.
 */
export const GET = withRoute({ auth: "user" }, async ({ user, params, request }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (format === "archive") {
    const archive = await exportArchive({ userId: user.id, assignmentId: params.id });
    return new Response(archive.stream, {
      headers: {
        ...headers,
        "content-type": archive.contentType,
        "content-disposition": attachmentDisposition(archive.fileName),
      },
    });
  }
  const file = await exportGrades({ userId: user.id, assignmentId: params.id, format });
  return new Response(Buffer.from(file.body), {
    headers: {
      ...headers,
      "content-type": file.contentType,
      "content-disposition": attachmentDisposition(file.fileName),
    },
  });
});
