import { findClassAccessForUsers } from "@/lib/db/class-access-for-users";
import { REQUEST_STREAM_LINGER, createBatcher } from "@/lib/db/submissions-batcher";
import { classRoomAccessOf, findClassRoomAccess } from "./find-class-room-access";
import type { Actor } from "./policy";

type Lookup = (input: { actor: Actor; classId: string }) => Promise<{ staff: boolean } | null>;

/**
 * `findClassRoomAccess` for a class room's joins, batched: the joins pending together (a class of
 * hundreds opening the lesson within a second; calls wait at most 10 ms for company, a lone join
 * goes at once) cost one query per class instead of one per socket. Same rule, same answers: a
 * failed batch falls back to one query per join.
 */
export function createClassRoomAccessLookup(
  options: { maxBatch?: number; readMany?: typeof findClassAccessForUsers } = {},
): Lookup {
  const readMany = options.readMany ?? findClassAccessForUsers;
  const batched = createBatcher<{ actor: Actor; classId: string }, { staff: boolean } | null>({
    single: findClassRoomAccess,
    many: async (joins) => {
      const byClass = new Map<string, Actor[]>();
      for (const { actor, classId } of joins) byClass.set(classId, [...(byClass.get(classId) ?? []), actor]);
      const read = async ([classId, actors]: [string, Actor[]]) =>
        [
          classId,
          classId
            ? await readMany(
                classId,
                actors.map((actor) => actor.id),
              )
            : null,
        ] as const;
      const found = new Map(await Promise.all([...byClass].map(read)));
      return joins.map(({ actor, classId }) => {
        const access = found.get(classId);
        if (!access) return null;
        const enrollmentStatus = access.enrollmentStatus.get(actor.id) ?? null;
        return classRoomAccessOf(actor, { ownerId: access.klass.ownerId, enrollmentStatus });
      });
    },
    maxBatch: options.maxBatch ?? 500,
    linger: REQUEST_STREAM_LINGER,
  });
  return (input) => batched(input);
}
