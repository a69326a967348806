import { AppError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/config/parse-input";
import { can } from "@/lib/auth/policy";
import { requireClassAccess } from "@/lib/auth/require-class-access";
import { findClassWithCounts } from "@/lib/db/classes";
import { toClassView, type ClassView } from "./class-view";
import { getClassInput, type GetClassInput } from "./get-class.types";

/** One class, if the user may see it (otherwise NOT_FOUND, like a missing class). */
export async function getClass(input: GetClassInput): Promise<ClassView> {
  const { userId, classId } = parseInput(getClassInput, input);
  const { actor, context } = await requireClassAccess({ userId, classId, action: "class.view" });
  const klass = await findClassWithCounts(classId);
  if (!klass) throw new AppError("NOT_FOUND", "Class not found", { key: "class.notFound" });
  return toClassView(klass, can(actor, "class.manage", context).allowed);
}
