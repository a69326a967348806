import { AppError } from "@/lib/errors/app-error";
import type { ClassAction } from "./policy";
import { requireClassAccess } from "./require-class-access";

/**
 * Boolean form of requireClassAccess for socket handlers (e.g. joining a class's live room):
 * true when allowed, false for NOT_FOUND/FORBIDDEN/UNAUTHENTICATED; other errors propagate.
 */
export async function canAccessClass(options: {
  userId: string;
  classId: string;
  action?: ClassAction;
}): Promise<boolean> {
  try {
    await requireClassAccess({
      userId: options.userId,
      classId: options.classId,
      action: options.action ?? "class.view",
    });
    return true;
  } catch (error) {
    if (error instanceof AppError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED"].includes(error.code)) return false;
    throw error;
  }
}
