import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/health/check-health";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

/** Database, sandbox and grading-queue health as JSON: 200 while the database answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  const { httpStatus, ...report } = await checkHealth({ version: packageJson.version });
  return NextResponse.json(report, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
