import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { updateJoinCode } from "@/lib/db/classes";
import { isUniqueViolation } from "@/lib/db/prisma-errors";
import { toManagedClassView, type ManagedClassView } from "./class-view";
import { JOIN_CODE_ATTEMPTS } from "./create-class";
import { generateJoinCode } from "./join-code";
import { rotateJoinCodeInput, type RotateJoinCodeInput } from "./rotate-join-code.types";

/** Gives the class a new join code; the old one stops working at once. Enrolled students stay. */
export async function rotateJoinCode(input: RotateJoinCodeInput): Promise<ManagedClassView> {
  const { userId, classId } = parseInput(rotateJoinCodeInput, input);
  const { klass } = await requireClassAccess({ userId, classId, action: "class.manage" });
  for (let attempt = 0; attempt < JOIN_CODE_ATTEMPTS; attempt += 1) {
    const joinCode = generateJoinCode();
    if (joinCode === klass.joinCode) continue;
    try {
      const view = toManagedClassView(await updateJoinCode(classId, joinCode));
      // The codes themselves are not logged: the old one is dead, the new one is for the class only.
      await recordAuditEntry({ userId, action: "class.code.rotate", classId, target: classId });
      return view;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("UNAVAILABLE", "Could not find a free join code. Please try again.", {
    key: "class.joinCodeRetry",
  });
}
