"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ClassRounds, RoundDetail } from "@/lib/rounds/round.types";
import { useClassRoom, useLiveEvent, usePollWhileDisconnected } from "@/app/_components/realtime-provider";

/**
 * The round the projector shows: the running one, else the one that just ended (its podium).
 * Refetched on `round:started` / `round:ended`, and at most once a second on `round:progress`.
 */
export function useRound(
  classId: string,
  initial: RoundDetail | null,
): { detail: RoundDetail | null; reload: () => Promise<void> } {
  const [detail, setDetail] = useState(initial);
  const roundId = useRef(initial?.round.id ?? null);
  const lastFetch = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchRound = useCallback(async (id: string) => {
    lastFetch.current = Date.now();
    const response = await fetch(`/api/rounds/${id}`, { cache: "no-store" }).catch(() => null);
    if (response?.ok && roundId.current === id) setDetail((await response.json()) as RoundDetail);
  }, []);

  const reload = useCallback(async () => {
    const response = await fetch(`/api/classes/${classId}/rounds`, { cache: "no-store" }).catch(() => null);
    if (!response?.ok) return;
    const list = (await response.json()) as ClassRounds;
    const id = list.current?.id ?? roundId.current ?? list.rounds[0]?.id ?? null;
    roundId.current = id;
    if (id) await fetchRound(id);
  }, [classId, fetchRound]);

  const throttled = useCallback(() => {
    const id = roundId.current;
    if (!id || pending.current) return;
    const wait = Math.max(0, lastFetch.current + 1_000 - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      void fetchRound(id);
    }, wait);
  }, [fetchRound]);
  useEffect(() => () => clearTimeout(pending.current ?? undefined), []);

  useClassRoom(classId, () => void reload());
  usePollWhileDisconnected(() => void reload(), 5_000);
  useLiveEvent("round:started", (payload) => {
    if (payload.classId !== classId) return;
    roundId.current = payload.roundId;
    void fetchRound(payload.roundId);
  });
  useLiveEvent("round:ended", (payload) => {
    if (payload.classId === classId && payload.roundId === roundId.current) void fetchRound(payload.roundId);
  });
  useLiveEvent("round:progress", (payload) => {
    if (payload.classId === classId && payload.roundId === roundId.current) throttled();
  });
  return { detail, reload };
}

/** Re-renders every `everyMs` while `active` (the countdown). */
export function useNow(active: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
