import { getClassDashboard } from "@/lib/dashboard/get-class-dashboard";
import { withRoute } from "@/app/api/_lib/route";

/** The instructor's live dashboard data (the page renders the same ClassDashboard type). */
export const GET = withRoute({ auth: "user" }, async ({ user, params, request }) => {
  const minutes = Number(new URL(request.url).searchParams.get("stuckMinutes") ?? "");
  return getClassDashboard({
    userId: user.id,
    classId: params.id,
    ...(Number.isInteger(minutes) && minutes > 0 ? { stuckMinutes: minutes } : {}),
  });
});
