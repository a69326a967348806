import { getLocale } from "next-intl/server";
import { getClass } from "@/lib/classes/get-class";
import { listClassExercises } from "@/lib/exercises/list-class-exercises";
import { getLeaderboard } from "@/lib/leaderboard/get-leaderboard";
import { getRound } from "@/lib/rounds/get-round";
import { listClassRounds } from "@/lib/rounds/list-class-rounds";
import { requirePageUser } from "@/app/_lib/session";
import { ProjectorView } from "@/app/classes/[id]/leaderboard/projector-view";
import { notFoundOnAppError } from "@/app/_lib/not-found-on-app-error";

export const dynamic = "force-dynamic";

/** The projector page: live round and class leaderboard (members and the owner). */
export default async function LeaderboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePageUser(`/classes/${id}/leaderboard`);
  const [klass, leaderboard, rounds] = await Promise.all([
    getClass({ userId: user.id, classId: id }),
    getLeaderboard({ userId: user.id, classId: id }),
    listClassRounds({ userId: user.id, classId: id }),
  ]).catch(notFoundOnAppError);
  const shownRound = rounds.current ?? rounds.rounds[0] ?? null;
  const [round, exercises, locale] = await Promise.all([
    shownRound ? getRound({ userId: user.id, roundId: shownRound.id }) : null,
    rounds.canManage ? listClassExercises({ userId: user.id, classId: id }) : null,
    getLocale(),
  ]);
  const published = (exercises?.exercises ?? [])
    .filter((exercise) => exercise.status === "PUBLISHED")
    .map((exercise) => ({ id: exercise.id, title: locale === "zh-CN" ? exercise.title.zh : exercise.title.en }));
  return (
    <div className="relative left-1/2 w-[min(100vw-2rem,96rem)] -translate-x-1/2">
      <ProjectorView
        classId={klass.id}
        className={klass.name}
        leaderboard={leaderboard}
        round={round}
        canManage={rounds.canManage}
        exercises={published}
      />
    </div>
  );
}
