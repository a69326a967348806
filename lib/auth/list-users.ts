import { z } from "zod";
import { parseInput } from "@/lib/config/parse-input";
import { listUsers as listUserRows } from "@/lib/db/users";
import { AppError } from "@/lib/errors/app-error";
import { loadActor } from "./load-actor";

export const listUsersInput = z.object({
  userId: z.string().min(1),
  query: z.string().max(200, "The search is too long.").optional(),
});

export interface AdminUserView {
  id: string;
  email: string;
  name: string;
  role: "instructor" | "student";
  isAdmin: boolean;
  createdAt: string;
}

/** The newest accounts shown at once; a search narrows the list. */
export const USER_LIST_LIMIT = 200;

/**
 * Administrators list accounts to change their role (/admin/users). To anyone else the list does
 * not exist (NOT_FOUND), like every admin page.
 */
export async function listUsers(input: z.input<typeof listUsersInput>): Promise<AdminUserView[]> {
  const { userId, query } = parseInput(listUsersInput, input);
  const actor = await loadActor(userId);
  if (!actor.isAdmin) throw new AppError("NOT_FOUND", "Not found");
  const rows = await listUserRows({ query, take: USER_LIST_LIMIT });
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role === "INSTRUCTOR" ? "instructor" : "student",
    isAdmin: row.isAdmin,
    createdAt: row.createdAt.toISOString(),
  }));
}
