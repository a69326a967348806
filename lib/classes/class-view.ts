import type { ClassWithCounts } from "@/lib/db/classes";

interface ClassViewBase {
  id: string;
  name: string;
  ownerId: string;
  instructorName: string;
  studentCount: number;
  archivedAt: Date | null;
  createdAt: Date;
}

/** The class's instructor (or an admin): sees and can share the join code. */
export interface ManagedClassView extends ClassViewBase {
  canManage: true;
  joinCode: string;
}

/** A student's view: no join code (rotating it must not depend on students not sharing it). */
export interface StudentClassView extends ClassViewBase {
  canManage: false;
  joinCode: null;
}

/** A class as the UI and API see it; narrow on `canManage` to get the join code. */
export type ClassView = ManagedClassView | StudentClassView;

function base(klass: ClassWithCounts): ClassViewBase {
  return {
    id: klass.id,
    name: klass.name,
    ownerId: klass.ownerId,
    instructorName: klass.instructorName,
    studentCount: klass.studentCount,
    archivedAt: klass.archivedAt,
    createdAt: klass.createdAt,
  };
}

export function toManagedClassView(klass: ClassWithCounts): ManagedClassView {
  return { ...base(klass), canManage: true, joinCode: klass.joinCode };
}

export function toStudentClassView(klass: ClassWithCounts): StudentClassView {
  return { ...base(klass), canManage: false, joinCode: null };
}

export function toClassView(klass: ClassWithCounts, canManage: boolean): ClassView {
  return canManage ? toManagedClassView(klass) : toStudentClassView(klass);
}
