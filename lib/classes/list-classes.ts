import { parseInput } from "@/lib/config/parse-input";
import { loadActor } from "@/lib/auth/load-actor";
import { classScopeFor } from "@/lib/auth/policy";
import { listClassesInScope } from "@/lib/db/classes";
import { toClassView, type ClassView } from "./class-view";
import { listClassesInput, type ListClassesInput } from "./list-classes.types";

/** The user's classes: owned ones for instructors, active enrollments for students, all for admins. */
export async function listClasses(input: ListClassesInput): Promise<ClassView[]> {
  const { userId } = parseInput(listClassesInput, input);
  const actor = await loadActor(userId);
  const classes = await listClassesInScope(classScopeFor(actor));
  return classes.map((klass) => toClassView(klass, klass.ownerId === actor.id || actor.isAdmin));
}
