import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getRound } from "@/lib/rounds/get-round";
import { requirePageUser } from "@/app/_lib/session";
import { RoundReview } from "@/app/classes/[id]/rounds/[roundId]/round-review";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

/** One stored round: its podium, statistics and every student's points. */
export default async function RoundPage({ params }: { params: Promise<{ id: string; roundId: string }> }) {
  const { id, roundId } = await params;
  const user = await requirePageUser(`/classes/${id}/rounds/${roundId}`);
  const detail = await getRound({ userId: user.id, roundId }).catch(notFoundOnAppError);
  if (detail.round.classId !== id) notFound();
  const t = await getTranslations("live");
  return (
    <div className="flex flex-col gap-6">
      <Link
        href={`/classes/${id}/rounds`}
        className="text-lg font-semibold text-brand-700 underline-offset-4 hover:underline"
      >
        {t("pastRounds")}
      </Link>
      <RoundReview detail={detail} />
    </div>
  );
}
