import { expect, it } from "vitest";
import { createClass } from "@/lib/classes/create-class";
import { getClass } from "@/lib/classes/get-class";
import { getRoster } from "@/lib/classes/get-roster";
import { joinClass } from "@/lib/classes/join-class";
import { listClasses } from "@/lib/classes/list-classes";
import { removeStudent } from "@/lib/classes/remove-student";
import { rotateJoinCode } from "@/lib/classes/rotate-join-code";
import { getDb } from "@/lib/db/get-db";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";
import { appErrorOf } from "@/tests/helpers/app-error";

describeEachProvider("classes", (provider) => {
  useTestDatabase(provider);

  it("an instructor creates a class with a human-friendly join code; students cannot", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR", name: "Grace" });
    const created = await createClass({ userId: teacher.id, name: "  Coroutines 101 " });
    expect(created).toMatchObject({
      name: "Coroutines 101",
      ownerId: teacher.id,
      instructorName: "Grace",
      studentCount: 0,
      canManage: true,
    });
    expect(created.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

    const student = await createTestUser({ role: "STUDENT" });
    expect((await appErrorOf(createClass({ userId: student.id, name: "Mine" }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(createClass({ userId: teacher.id, name: "" }))).code).toBe("BAD_REQUEST");
    expect((await appErrorOf(createClass({ userId: "no-such-user", name: "Ghost" }))).code).toBe("UNAUTHENTICATED");
  });

  it("a student joins with the code in any case/dash form, idempotently", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const student = await createTestUser({ role: "STUDENT" });
    const klass = await createClass({ userId: teacher.id, name: "Async" });
    const typed = klass.joinCode.toLowerCase().replace("-", " ");

    const first = await joinClass({ userId: student.id, joinCode: typed });
    expect(first).toMatchObject({
      id: klass.id,
      studentCount: 1,
      alreadyEnrolled: false,
      canManage: false,
      joinCode: null,
    });
    const again = await joinClass({ userId: student.id, joinCode: klass.joinCode.replace("-", "") });
    expect(again).toMatchObject({ id: klass.id, studentCount: 1, alreadyEnrolled: true });
    expect(await getDb().enrollment.count({ where: { classId: klass.id, userId: student.id } })).toBe(1);

    // Double-click: concurrent joins still make one enrollment.
    const other = await createTestUser({ role: "STUDENT" });
    const results = await Promise.all([1, 2, 3].map(() => joinClass({ userId: other.id, joinCode: klass.joinCode })));
    expect(results.every((r) => r.id === klass.id)).toBe(true);
    expect(await getDb().enrollment.count({ where: { classId: klass.id, userId: other.id } })).toBe(1);
  });

  it("a wrong code is NOT_FOUND with a clear message; instructors cannot join", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const student = await createTestUser({ role: "STUDENT" });
    const klass = await createClass({ userId: teacher.id, name: "Tasks" });
    const wrong = await appErrorOf(
      joinClass({ userId: student.id, joinCode: "ZZZZ-ZZZZ" === klass.joinCode ? "YYYY-YYYY" : "ZZZZ-ZZZZ" }),
    );
    expect(wrong.code).toBe("NOT_FOUND");
    expect(wrong.message).toMatch(/No class has the join code/);
    expect((await appErrorOf(joinClass({ userId: student.id, joinCode: "O0I1-O0I1" }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(joinClass({ userId: student.id, joinCode: "" }))).code).toBe("BAD_REQUEST");

    const otherTeacher = await createTestUser({ role: "INSTRUCTOR" });
    const refused = await appErrorOf(joinClass({ userId: otherTeacher.id, joinCode: klass.joinCode }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.message).toMatch(/Instructors cannot join/);
  });

  it("lists owned classes for instructors and active enrollments for students, with counts", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR", name: "Linus" });
    const [a, b] = [
      await createClass({ userId: teacher.id, name: "A" }),
      await createClass({ userId: teacher.id, name: "B" }),
    ];
    const s1 = await createTestUser({ role: "STUDENT" });
    const s2 = await createTestUser({ role: "STUDENT" });
    await joinClass({ userId: s1.id, joinCode: a.joinCode });
    await joinClass({ userId: s2.id, joinCode: a.joinCode });
    await joinClass({ userId: s2.id, joinCode: b.joinCode });
    await removeStudent({ userId: teacher.id, classId: b.id, studentId: s2.id });

    const teacherView = await listClasses({ userId: teacher.id });
    expect(teacherView.map((c) => [c.name, c.studentCount, c.canManage])).toEqual([
      ["B", 0, true],
      ["A", 2, true],
    ]);
    expect(teacherView.every((c) => c.joinCode !== null)).toBe(true);

    const s2View = await listClasses({ userId: s2.id });
    expect(s2View.map((c) => c.id)).toEqual([a.id]);
    expect(s2View[0]).toMatchObject({ instructorName: "Linus", studentCount: 2, joinCode: null, canManage: false });

    const stranger = await createTestUser({ role: "INSTRUCTOR" });
    expect(await listClasses({ userId: stranger.id })).toEqual([]);
  });

  it("the roster lists active students; removal keeps them out, even with the same code", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const klass = await createClass({ userId: teacher.id, name: "Roster" });
    const zoe = await createTestUser({ role: "STUDENT", name: "Zoe" });
    const amy = await createTestUser({ role: "STUDENT", name: "Amy" });
    await joinClass({ userId: zoe.id, joinCode: klass.joinCode });
    await joinClass({ userId: amy.id, joinCode: klass.joinCode });

    const roster = await getRoster({ userId: teacher.id, classId: klass.id });
    expect(roster.map((s) => s.name)).toEqual(["Amy", "Zoe"]);
    expect(roster[0]).toMatchObject({ id: amy.id, email: amy.email });
    expect(roster[0].joinedAt).toBeInstanceOf(Date);
    expect((await appErrorOf(getRoster({ userId: zoe.id, classId: klass.id }))).code).toBe("FORBIDDEN");

    expect(await removeStudent({ userId: teacher.id, classId: klass.id, studentId: zoe.id })).toEqual({
      classId: klass.id,
      studentId: zoe.id,
      studentCount: 1,
    });
    expect((await getRoster({ userId: teacher.id, classId: klass.id })).map((s) => s.id)).toEqual([amy.id]);
    expect((await appErrorOf(removeStudent({ userId: teacher.id, classId: klass.id, studentId: zoe.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await appErrorOf(removeStudent({ userId: amy.id, classId: klass.id, studentId: amy.id }))).code).toBe(
      "FORBIDDEN",
    );

    const rejoin = await appErrorOf(joinClass({ userId: zoe.id, joinCode: klass.joinCode }));
    expect(rejoin.code).toBe("FORBIDDEN");
    expect(rejoin.message).toMatch(/removed from this class/);
    expect((await appErrorOf(getClass({ userId: zoe.id, classId: klass.id }))).code).toBe("NOT_FOUND");
    expect(await listClasses({ userId: zoe.id })).toEqual([]);
  });

  it("rotating the code retires the old one and keeps enrolled students", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const klass = await createClass({ userId: teacher.id, name: "Rotate" });
    const early = await createTestUser({ role: "STUDENT" });
    await joinClass({ userId: early.id, joinCode: klass.joinCode });

    const rotated = await rotateJoinCode({ userId: teacher.id, classId: klass.id });
    expect(rotated.joinCode).not.toBe(klass.joinCode);
    expect(rotated.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(rotated.studentCount).toBe(1);

    const late = await createTestUser({ role: "STUDENT" });
    expect((await appErrorOf(joinClass({ userId: late.id, joinCode: klass.joinCode }))).code).toBe("NOT_FOUND");
    expect((await joinClass({ userId: late.id, joinCode: rotated.joinCode })).studentCount).toBe(2);
    expect((await getClass({ userId: early.id, classId: klass.id })).id).toBe(klass.id);

    expect((await appErrorOf(rotateJoinCode({ userId: early.id, classId: klass.id }))).code).toBe("FORBIDDEN");
    const stranger = await createTestUser({ role: "INSTRUCTOR" });
    expect((await appErrorOf(rotateJoinCode({ userId: stranger.id, classId: klass.id }))).code).toBe("NOT_FOUND");
  });

  it("getClass shows the join code to the owner only and hides foreign or missing classes alike", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const klass = await createClass({ userId: teacher.id, name: "Visible" });
    const owned = await getClass({ userId: teacher.id, classId: klass.id });
    expect(owned.canManage && owned.joinCode).toBe(klass.joinCode);

    const stranger = await createTestUser({ role: "STUDENT" });
    const foreign = await appErrorOf(getClass({ userId: stranger.id, classId: klass.id }));
    const missing = await appErrorOf(getClass({ userId: stranger.id, classId: "c_does_not_exist" }));
    expect([foreign.code, foreign.message]).toEqual([missing.code, missing.message]);
    expect(foreign.code).toBe("NOT_FOUND");
  });
});
