import type { LeaderboardEntry, LeaderboardUpdatePayload } from "@/lib/realtime/events";
import { createCoalescer } from "@/lib/realtime/create-coalescer";
import { loadStandings } from "./load-ranked-leaderboard";
import { rankStandings, type Standing } from "./rank-standings";

export interface LeaderboardFeedOptions {
  /** Sends one `leaderboard:update` to the class room (server.ts: this node's sockets). */
  emit: (payload: LeaderboardUpdatePayload) => void;
  /** At most one update per class per interval: 250 ms = 4 per second. */
  intervalMs?: number;
  /** A class's cached board is re-read whole after this (changes made through other nodes). */
  staleAfterMs?: number;
  maxClasses?: number;
  load?: (classId: string, userIds?: readonly string[]) => Promise<Standing[]>;
  onError?: (error: unknown) => void;
}

export interface LeaderboardFeed {
  /** A verdict (or alias, roster change) may have moved this student: coalesced per class. */
  changed(classId: string, userId: string): void;
  /** Loads the class's board so the first update can be a delta (a socket joined the room). */
  warm(classId: string): Promise<void>;
  drain(): Promise<void>;
  close(): void;
}

interface ClassBoard {
  standings: Map<string, Standing>;
  ranked: Map<string, LeaderboardEntry>;
  loadedAt: number;
}

/**
 * The live leaderboard of every class this node serves. The database is the truth: on a change
 * the feed re-reads only the students concerned, re-ranks the cached board in memory and emits
 * the rows whose rank, total, solved count or name changed — a burst of 300 verdicts in one class
 * becomes a handful of messages, each with the changed rows only.
 */
export function createLeaderboardFeed(options: LeaderboardFeedOptions): LeaderboardFeed {
  const load = options.load ?? loadStandings;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  const maxClasses = options.maxClasses ?? 500;
  const boards = new Map<string, ClassBoard>();

  const remember = (classId: string, board: ClassBoard) => {
    boards.delete(classId);
    boards.set(classId, board);
    if (boards.size > maxClasses) boards.delete(boards.keys().next().value ?? "");
  };

  const fullBoard = async (classId: string): Promise<ClassBoard> => {
    const standings = new Map((await load(classId)).map((standing) => [standing.userId, standing]));
    return { standings, ranked: rankedMap(standings), loadedAt: Date.now() };
  };

  const flush = async (classId: string, userIds: string[]) => {
    const previous = boards.get(classId);
    let next: ClassBoard;
    if (!previous || Date.now() - previous.loadedAt > staleAfterMs) {
      next = await fullBoard(classId);
    } else {
      const standings = new Map(previous.standings);
      const fresh = new Map((await load(classId, userIds)).map((standing) => [standing.userId, standing]));
      for (const userId of userIds) {
        const standing = fresh.get(userId);
        if (standing) standings.set(userId, standing);
        else standings.delete(userId);
      }
      next = { standings, ranked: rankedMap(standings), loadedAt: previous.loadedAt };
    }
    remember(classId, next);
    // Without a previous board we cannot know what the clients hold: send every row once.
    const entries = [...next.ranked.values()].filter(
      (entry) => !previous || !sameEntry(previous.ranked.get(entry.userId), entry),
    );
    if (entries.length > 0) options.emit({ classId, entries, updatedAt: new Date().toISOString() });
  };

  const coalescer = createCoalescer<string>({ intervalMs: options.intervalMs ?? 250, flush, onError: options.onError });

  return {
    changed: (classId, userId) => coalescer.mark(classId, userId),
    async warm(classId) {
      if (boards.has(classId)) return;
      remember(classId, await fullBoard(classId));
    },
    drain: () => coalescer.drain(),
    close() {
      coalescer.close();
      boards.clear();
    },
  };
}

function rankedMap(standings: Map<string, Standing>): Map<string, LeaderboardEntry> {
  return new Map(rankStandings(standings.values()).map((entry) => [entry.userId, entry]));
}

function sameEntry(a: LeaderboardEntry | undefined, b: LeaderboardEntry): boolean {
  return !!a && a.rank === b.rank && a.score === b.score && a.solved === b.solved && a.name === b.name;
}
