import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { loadActor } from "@/lib/auth/load-actor";
import { authorizeCreateClass } from "@/lib/auth/policy";
import { insertClass } from "@/lib/db/classes";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { toManagedClassView, type ManagedClassView } from "./class-view";
import { createClassInput, type CreateClassInput } from "./create-class.types";
import { generateJoinCode } from "./join-code";

/** How often to draw a new code when one is taken; at 31^8 codes more than one retry is a bug. */
export const JOIN_CODE_ATTEMPTS = 5;

/** An instructor creates a class and gets its join code. */
export async function createClass(input: CreateClassInput): Promise<ManagedClassView> {
  const { userId, name } = parseInput(createClassInput, input);
  const actor = await loadActor(userId);
  authorizeCreateClass(actor);
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
    try {
      return toManagedClassView(await insertClass({ name, joinCode: generateJoinCode(), ownerId: actor.id }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("UNAVAILABLE", "Could not find a free join code. Please try again.", {
    key: "class.joinCodeRetry",
  });
}
