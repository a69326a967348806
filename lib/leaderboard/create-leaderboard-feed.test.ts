import { describe, expect, it } from "vitest";
import { createLeaderboardFeed } from "@/lib/leaderboard/create-leaderboard-feed";
import type { Standing } from "@/lib/leaderboard/rank-standings";
import type { LeaderboardUpdatePayload } from "@/lib/realtime/events";

function fakeClass(initial: Standing[]) {
  const rows = new Map(initial.map((standing) => [standing.userId, standing]));
  const reads: (readonly string[] | undefined)[] = [];
  return {
    rows,
    reads,
    load: async (_classId: string, userIds?: readonly string[]) => {
      reads.push(userIds);
      return [...rows.values()].filter((row) => !userIds || userIds.includes(row.userId));
    },
  };
}

const standing = (userId: string, score: number, reachedAt: number | null = score > 0 ? 1 : null): Standing => ({
  userId,
  name: userId.toUpperCase(),
  solved: score > 0 ? 1 : 0,
  score,
  reachedAt,
});

describe("the live leaderboard feed", () => {
  it("re-reads only the changed student and emits only the rows that moved", async () => {
    const klass = fakeClass([standing("a", 100), standing("b", 50), standing("c", 0), standing("d", 0)]);
    const sent: LeaderboardUpdatePayload[] = [];
    const feed = createLeaderboardFeed({ emit: (payload) => sent.push(payload), load: klass.load });
    await feed.warm("c1");
    klass.rows.set("c", standing("c", 75, 2));
    feed.changed("c1", "c");
    await feed.drain();
    expect(klass.reads).toEqual([undefined, ["c"]]);
    expect(sent).toHaveLength(1);
    // c moves to 2nd, b drops to 3rd; a keeps 1st and d stays unranked (0 points): neither is sent.
    expect(sent[0].entries).toEqual([
      { userId: "c", name: "C", solved: 1, score: 75, rank: 2 },
      { userId: "b", name: "B", solved: 1, score: 50, rank: 3 },
    ]);
    feed.close();
  });

  it("sends nothing when a verdict changed nothing, and the whole board when it had none cached", async () => {
    const klass = fakeClass([standing("a", 100), standing("b", 0)]);
    const sent: LeaderboardUpdatePayload[] = [];
    const feed = createLeaderboardFeed({ emit: (payload) => sent.push(payload), load: klass.load });
    feed.changed("c1", "b");
    await feed.drain();
    expect(sent[0].entries.map((entry) => entry.userId)).toEqual(["a", "b"]);
    feed.changed("c1", "b");
    await feed.drain();
    expect(sent).toHaveLength(1);
    feed.close();
  });
});
