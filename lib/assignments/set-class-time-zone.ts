import { requireClassAccess } from "@/lib/auth/require-class-access";
import { parseInput } from "@/lib/config/parse-input";
import { updateClassTimeZone } from "@/lib/db/assignments";
import { AppError } from "@/lib/errors/app-error";
import { setClassTimeZoneInput, type SetClassTimeZoneInput } from "./assignment-inputs.types";
import { isValidTimeZone } from "./time-zone";

/** The zone the class's assignment times are shown and typed in. Stored times do not move. */
export async function setClassTimeZone(input: SetClassTimeZoneInput): Promise<{ timeZone: string }> {
  const { userId, classId, timeZone } = parseInput(setClassTimeZoneInput, input);
  await requireClassAccess({ userId, classId, action: "class.manage" });
  if (!isValidTimeZone(timeZone))
    throw new AppError("BAD_REQUEST", `Unknown time zone "${timeZone}".`, {
      key: "assignment.unknownTimeZone",
      params: { timeZone },
      details: { timeZone: ["Unknown time zone."] },
    });
  await updateClassTimeZone(classId, timeZone);
  return { timeZone };
}
