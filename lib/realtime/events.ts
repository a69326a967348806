/**
 * Every realtime event of Interleave, typed in one module (named `domain:verb`). The server, the
 * browser client and the tests import these types so a renamed event or a changed payload fails
 * the type check everywhere at once.
 */
import type { SessionUser } from "@/lib/auth/session-user";
import type { FinalStatus } from "@/lib/grading/submission-status";
import type { AppErrorCode, MessageParams } from "@/lib/errors/app-error";

/** What every client → server event with an acknowledgement gets back. */
export type AckResponse<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode; message: string; key?: string; params?: MessageParams } };
export type Ack<T> = (response: AckResponse<T>) => void;

export interface ClassRoomPayload {
  classId: string;
  /** A room ticket (`GET /api/realtime/ticket?classId=`): how a fan-out node authorizes the join. */
  ticket?: string;
}

export interface RoomJoined {
  classId: string;
  room: string;
  /** True when the socket also joined the staff room (the class's instructor). */
  staff?: boolean;
}

export interface RosterChangedPayload {
  classId: string;
  change: "joined" | "removed";
  studentId: string;
  /** Enrolled students after the change. */
  studentCount: number;
}

export interface SubmissionGradedPayload {
  submissionId: string;
  exerciseId: string;
  classId: string;
  userId: string;
  /**
   * Where grading stopped (the one status vocabulary): passed/failed; needs_review (tampering, no
   * points until reviewed); infra_error (our failure, score 0, the instructor can regrade).
   */
  status: FinalStatus;
  /** 0..100, the checker's score (docs/expected-trace-format.md explains the rule). */
  score: number;
  gradedAt: string;
}

export interface LeaderboardEntry {
  userId: string;
  name: string;
  solved: number;
  score: number;
  /** Standard competition rank (1, 2, 2, 4); null while the student has no points ("—"). */
  rank: number | null;
}

export interface LeaderboardUpdatePayload {
  classId: string;
  /** Only the rows that changed since the previous update (coalesced server-side). */
  entries: LeaderboardEntry[];
  updatedAt: string;
}

export interface RoundStartedPayload {
  classId: string;
  roundId: string;
  exerciseId: string;
  startedAt: string;
  /** ISO time when the round closes, or null for an open-ended round. */
  endsAt: string | null;
}

export interface RoundEndedPayload {
  classId: string;
  roundId: string;
  endedAt: string;
}

/** A round's live count of answers (coalesced like the leaderboard); details via GET /api/rounds/:id. */
export interface RoundProgressPayload {
  classId: string;
  roundId: string;
  /** Students who submitted at least once for the round. */
  answered: number;
  /** Students with a passing answer. */
  passed: number;
}

export interface ServerToClientEvents {
  "roster:changed": (payload: RosterChangedPayload) => void;
  "submission:graded": (payload: SubmissionGradedPayload) => void;
  "leaderboard:update": (payload: LeaderboardUpdatePayload) => void;
  "round:started": (payload: RoundStartedPayload) => void;
  "round:ended": (payload: RoundEndedPayload) => void;
  "round:progress": (payload: RoundProgressPayload) => void;
}

export interface ClientToServerEvents {
  "class:join-room": (payload: ClassRoomPayload, ack: Ack<RoomJoined>) => void;
  "class:leave-room": (payload: ClassRoomPayload, ack: Ack<RoomJoined>) => void;
}

/** A student left a class: socket nodes refuse that user's older room tickets for the class. */
export interface MemberRemovedPayload {
  userId: string;
  classId: string;
  /** Unix seconds: tickets issued at or before this are revoked. */
  at: number;
}

// Besides what the Redis adapter relays for rooms, nodes tell each other about removals.
export interface InterServerEvents {
  "class:member-removed": (payload: MemberRemovedPayload) => void;
}

export interface SocketData {
  user: SessionUser;
}

/** Room names live here so emitters and joiners cannot disagree on the spelling. */
export function classRoom(classId: string): string {
  return `class:${classId}`;
}

/** The class's instructor (owner/admin) sockets: every verdict of the class, for dashboards. */
export function classStaffRoom(classId: string): string {
  return `class:${classId}:staff`;
}

export function userRoom(userId: string): string {
  return `user:${userId}`;
}
