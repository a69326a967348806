/**
 * Graded assignments at the use-case level on both databases: the exact bytes of the generic,
 * Canvas and Moodle files for a fixture class (Chinese names, a late submission with its penalty,
 * an override, a student with no submission, a name starting with `=`), the archive, extensions,
 * the audit trail, the submission window at its boundaries, and that students never get the files.
 */
import { unzipSync, strFromU8 } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { checkAssignmentSubmission } from "@/lib/assignments/check-assignment-submission";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { getGradebook } from "@/lib/assignments/get-gradebook";
import { listAssignments } from "@/lib/assignments/list-assignments";
import { setClassTimeZone } from "@/lib/assignments/set-class-time-zone";
import { setExtension } from "@/lib/assignments/set-extension";
import { setGradeOverride } from "@/lib/assignments/set-grade-override";
import { insertClass } from "@/lib/db/classes";
import { insertEnrollment } from "@/lib/db/enrollments";
import type { ExerciseWithVersion } from "@/lib/db/exercises";
import { getDb } from "@/lib/db/get-db";
import { insertUser } from "@/lib/db/users";
import { exportArchive } from "@/lib/export/export-archive";
import { exportGrades } from "@/lib/export/export-grades";
import { createTestUser, describeEachProvider, useTestDatabase } from "../helpers/db";
import { insertLibraryExercise } from "../helpers/grading";
import { appErrorOf } from "@/tests/helpers/app-error";

const EVIL = '=HYPERLINK("http://evil.example","x")';
const NOW = new Date("2026-03-15T02:00:00Z");
const BOM = "\uFEFF";
const crlf = (lines: string[]) => `${BOM}${lines.join("\r\n")}\r\n`;
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

describeEachProvider("assignments, gradebook and grade files", (provider) => {
  useTestDatabase(provider);
  let teacherId: string;
  let classId: string;
  let assignmentId: string;
  let ex1: ExerciseWithVersion;
  let ex2: ExerciseWithVersion;
  const students: Record<"li" | "han" | "evil" | "zoe", string> = { li: "", han: "", evil: "", zoe: "" };

  async function submission(
    userId: string,
    exercise: ExerciseWithVersion,
    attemptNumber: number,
    at: string,
    score: number,
  ) {
    await getDb().submission.create({
      data: {
        exerciseId: exercise.id,
        exerciseVersionId: exercise.version.id,
        userId,
        classId,
        assignmentId,
        code: `print(${score})\n`,
        status: score === 100 ? "passed" : "failed",
        attemptNumber,
        passed: score === 100,
        score,
        queuedAt: new Date(at),
        gradedAt: new Date(at),
        verdict: { passed: score === 100, score },
        trace: { events: [{ t: 0, task: "main", stream: "stdout", text: String(score) }] },
      },
    });
  }

  beforeAll(async () => {
    const teacher = await insertUser({
      email: "teacher@example.test",
      name: "Ms Wang",
      role: "INSTRUCTOR",
      isAdmin: false,
      passwordHash: null,
    });
    teacherId = teacher.id;
    classId = (await insertClass({ name: "协程 101", joinCode: "TEST-0001", ownerId: teacherId })).id;
    await setClassTimeZone({ userId: teacherId, classId, timeZone: "Asia/Shanghai" });
    const people: [keyof typeof students, string, string][] = [
      ["li", "李雷", "li.lei@example.test"],
      ["han", "韩梅梅", "han.meimei@example.test"],
      ["evil", EVIL, "eq@example.test"],
      ["zoe", "Zoe", "zoe@example.test"],
    ];
    for (const [key, name, email] of people) {
      students[key] = (await insertUser({ email, name, role: "STUDENT", isAdmin: false, passwordHash: null })).id;
      await insertEnrollment(classId, students[key]);
    }
    ex1 = await insertLibraryExercise(classId, "01-greenlet-ping-pong");
    ex2 = await insertLibraryExercise(classId, "05-create-task-concurrency");
    const created = await createAssignment({
      userId: teacherId,
      classId,
      title: "Homework 1: tasks",
      opensAt: "2026-03-01T09:00",
      dueAt: "2026-03-10T23:59",
      latePolicy: { kind: "penalty", percentPerDay: 10, maxPercent: 30 },
      attemptsLimit: 3,
      scorePolicy: "best",
      exercises: [
        { exerciseId: ex1.id, points: 10 },
        { exerciseId: ex2.id, points: 20 },
      ],
    });
    assignmentId = created.id;
    expect(created).toMatchObject({
      dueAt: "2026-03-10T15:59:00.000Z",
      opensAt: "2026-03-01T01:00:00.000Z",
      timeZone: "Asia/Shanghai",
      pointsPossible: 30,
    });
    await submission(students.li, ex1, 1, "2026-03-05T10:00:00Z", 100);
    await submission(students.li, ex2, 1, "2026-03-06T10:00:00Z", 50);
    await submission(students.li, ex2, 2, "2026-03-07T10:00:00Z", 30); // best keeps the 50
    await submission(students.han, ex1, 1, "2026-03-12T01:00:00Z", 100); // 33 h late: 2 days, −20 %
    await submission(students.evil, ex1, 1, "2026-03-09T00:00:00Z", 40);
    await submission(students.evil, ex2, 1, "2026-03-08T00:00:00Z", 0);
    await setGradeOverride({
      userId: teacherId,
      assignmentId,
      studentId: students.evil,
      exerciseId: ex2.id,
      points: 12,
      reason: "Partial credit",
    });
    await setGradeOverride({
      userId: teacherId,
      assignmentId,
      studentId: students.evil,
      exerciseId: ex2.id,
      points: 15,
      reason: "Regraded by hand after review",
    });
  });

  it("computes the gradebook: statuses, penalty, override, totals; the trail keeps who, when, old → new, why", async () => {
    const book = await getGradebook({ userId: teacherId, assignmentId });
    expect(book.students.map((s) => s.name)).toEqual([EVIL, "Zoe", "李雷", "韩梅梅"]);
    const [evil, zoe, li, han] = book.students;
    expect(evil.cells.map((c) => [c.status, c.points])).toEqual([
      ["failing", 4],
      ["overridden", 15],
    ]);
    expect(zoe.cells.map((c) => [c.status, c.points])).toEqual([
      ["not_tried", 0],
      ["not_tried", 0],
    ]);
    expect(li.cells.map((c) => [c.status, c.points, c.attempts])).toEqual([
      ["passed", 10, 1],
      ["failing", 10, 2],
    ]);
    expect(han.cells[0]).toMatchObject({ status: "late", score: 100, points: 8, lateDays: 2, penaltyPercent: 20 });
    expect([evil.total, li.total, han.total, zoe.total]).toEqual([19, 20, 8, 0]);
    expect(book.audit.map((a) => [a.action, a.actorName, a.oldValue, a.newValue, a.reason])).toEqual([
      ["OVERRIDE_SET", "Ms Wang", "12", "15", "Regraded by hand after review"],
      ["OVERRIDE_SET", "Ms Wang", null, "12", "Partial credit"],
    ]);
  });

  it("writes the generic CSV byte for byte", async () => {
    const file = await exportGrades({ userId: teacherId, assignmentId, format: "csv", now: NOW });
    expect(file.fileName).toBe("协程-101-Homework-1-tasks-csv-2026-03-15.csv");
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(decode(file.body)).toBe(
      crlf([
        "Student,Email,Greenlet ping-pong,Sequential await vs. create_task,Total,Percent,Late days,Last submission",
        `"'=HYPERLINK(""http://evil.example"",""x"")",eq@example.test,4,15,19,63.33,0,2026-03-09T08:00:00+08:00`,
        "Zoe,zoe@example.test,0,0,0,0,0,",
        "李雷,li.lei@example.test,10,10,20,66.67,0,2026-03-07T18:00:00+08:00",
        "韩梅梅,han.meimei@example.test,8,0,8,26.67,2,2026-03-12T09:00:00+08:00",
      ]),
    );
    expect([...file.body.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("writes the Canvas file byte for byte (Points Possible row first, email as SIS Login ID)", async () => {
    const file = await exportGrades({ userId: teacherId, assignmentId, format: "canvas", now: NOW });
    expect(file.fileName).toBe("协程-101-Homework-1-tasks-canvas-2026-03-15.csv");
    expect(decode(file.body)).toBe(
      crlf([
        "Student,ID,SIS User ID,SIS Login ID,Section,Homework 1: tasks",
        "Points Possible,,,,,30",
        `"'=HYPERLINK(""http://evil.example"",""x"")",,,eq@example.test,,19`,
        "Zoe,,,zoe@example.test,,0",
        "李雷,,,li.lei@example.test,,20",
        "韩梅梅,,,han.meimei@example.test,,8",
      ]),
    );
  });

  it("writes the Moodle file byte for byte (email address + one grade column)", async () => {
    const file = await exportGrades({ userId: teacherId, assignmentId, format: "moodle", now: NOW });
    expect(decode(file.body)).toBe(
      crlf([
        "Email address,Homework 1: tasks",
        "eq@example.test,19",
        "zoe@example.test,0",
        "li.lei@example.test,20",
        "han.meimei@example.test,8",
      ]),
    );
    const recorded = await getDb().gradeExport.findMany({ where: { assignmentId }, orderBy: { createdAt: "asc" } });
    expect(recorded.map((r) => [r.format, r.rowCount, r.createdById])).toEqual([
      ["CSV", 4, teacherId],
      ["CANVAS", 4, teacherId],
      ["MOODLE", 4, teacherId],
    ]);
  });

  it("archives every submission with its code, verdict and trace", async () => {
    const archive = await exportArchive({ userId: teacherId, assignmentId, now: NOW });
    expect(archive.fileName).toBe("协程-101-Homework-1-tasks-archive-2026-03-15.zip");
    const bytes = new Uint8Array(await new Response(archive.stream).arrayBuffer());
    const files = unzipSync(bytes);
    const names = Object.keys(files).sort();
    expect(names.filter((n) => n.endsWith(".py"))).toHaveLength(6);
    expect(strFromU8(files["submissions/han.meimei@example.test/01-greenlet-ping-pong/attempt-1.py"])).toBe(
      "print(100)\n",
    );
    const record = JSON.parse(
      strFromU8(files["submissions/han.meimei@example.test/01-greenlet-ping-pong/attempt-1.json"]),
    );
    expect(record).toMatchObject({
      status: "passed",
      score: 100,
      verdict: { passed: true },
      trace: { events: [{ text: "100" }] },
    });
    expect(strFromU8(files["grades.csv"])).toContain("韩梅梅,han.meimei@example.test,8,0,8,26.67,2,");
  });

  it("an extension forgives lateness (and removing it restores the penalty), both in the trail", async () => {
    const granted = await setExtension({
      userId: teacherId,
      assignmentId,
      studentId: students.han,
      dueAt: "2026-03-12T23:59",
      reason: "Sick note",
    });
    expect(granted.student).toMatchObject({ total: 10, lateDays: 0, extendedDueAt: "2026-03-12T15:59:00.000Z" });
    expect(granted.student.cells[0].status).toBe("passed");
    const removed = await setExtension({
      userId: teacherId,
      assignmentId,
      studentId: students.han,
      dueAt: null,
      reason: "Entered by mistake",
    });
    expect(removed.student).toMatchObject({ total: 8, lateDays: 2, extendedDueAt: null });
    const book = await getGradebook({ userId: teacherId, assignmentId });
    expect(book.audit.slice(0, 2).map((a) => [a.action, a.studentName, a.oldValue, a.newValue])).toEqual([
      ["EXTENSION_CLEARED", "韩梅梅", "2026-03-12T15:59:00.000Z", null],
      ["EXTENSION_SET", "韩梅梅", null, "2026-03-12T15:59:00.000Z"],
    ]);
  });

  it("students never reach the gradebook, the overrides or the files; other instructors get NOT_FOUND", async () => {
    const other = await createTestUser({ role: "INSTRUCTOR" });
    for (const userId of [students.li, students.zoe]) {
      expect((await appErrorOf(getGradebook({ userId, assignmentId }))).code).toBe("FORBIDDEN");
      expect((await appErrorOf(exportGrades({ userId, assignmentId, format: "canvas" }))).code).toBe("FORBIDDEN");
      expect((await appErrorOf(exportArchive({ userId, assignmentId }))).code).toBe("FORBIDDEN");
      expect(
        (
          await appErrorOf(
            setGradeOverride({ userId, assignmentId, studentId: userId, exerciseId: ex1.id, points: 10, reason: "me" }),
          )
        ).code,
      ).toBe("FORBIDDEN");
    }
    expect((await appErrorOf(exportGrades({ userId: other.id, assignmentId, format: "csv" }))).code).toBe("NOT_FOUND");
    expect((await appErrorOf(exportGrades({ userId: teacherId, assignmentId, format: "xlsx" }))).code).toBe(
      "BAD_REQUEST",
    );
    // A student sees their own progress only.
    const list = await listAssignments({ userId: students.han, classId });
    expect(list.canManage).toBe(false);
    if (!list.canManage)
      expect(list.assignments[0].progress).toMatchObject({
        total: 8,
        percent: 26.67,
        cells: [{ status: "late", lateDays: 2 }, { status: "not_tried" }],
      });
  });

  it("bad overrides are refused with a clear message and change nothing", async () => {
    const before = await getDb().gradeAuditEntry.count();
    expect(
      (
        await appErrorOf(
          setGradeOverride({
            userId: teacherId,
            assignmentId,
            studentId: students.li,
            exerciseId: ex1.id,
            points: 11,
            reason: "too many",
          }),
        )
      ).message,
    ).toMatch(/At most 10 points/);
    expect(
      (
        await appErrorOf(
          setGradeOverride({
            userId: teacherId,
            assignmentId,
            studentId: students.li,
            exerciseId: ex1.id,
            points: 5,
            reason: " ",
          }),
        )
      ).code,
    ).toBe("BAD_REQUEST");
    expect(
      (
        await appErrorOf(
          setGradeOverride({
            userId: teacherId,
            assignmentId,
            studentId: "not-a-student",
            exerciseId: ex1.id,
            points: 5,
            reason: "x",
          }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(await getDb().gradeAuditEntry.count()).toBe(before);
  });

  describe("the submission window", () => {
    const check = (now: string, userId = students.li, exerciseId = ex1.id) =>
      checkAssignmentSubmission({ assignmentId, exerciseId, classId, userId, now: new Date(now) });

    it("one second before and after the due time (penalty: on time, then one late day)", async () => {
      await expect(check("2026-03-10T15:58:59Z")).resolves.toEqual({ late: false, lateDays: 0, penaltyPercent: 0 });
      await expect(check("2026-03-10T15:59:01Z")).resolves.toEqual({ late: true, lateDays: 1, penaltyPercent: 10 });
      expect((await appErrorOf(check("2026-03-01T00:59:59Z"))).message).toBe(
        "This assignment opens at 2026-03-01 09:00 (Asia/Shanghai); nothing was submitted.",
      );
      await expect(check("2026-03-01T01:00:00Z")).resolves.toMatchObject({ late: false });
    });

    it("refuse: one second after the due time is FORBIDDEN with the time in the class's zone; a DST change in New York", async () => {
      const nyClass = (await insertClass({ name: "Night class", joinCode: "TEST-0002", ownerId: teacherId })).id;
      await insertEnrollment(nyClass, students.li);
      await setClassTimeZone({ userId: teacherId, classId: nyClass, timeZone: "America/New_York" });
      const nyEx = await insertLibraryExercise(nyClass, "01-greenlet-ping-pong");
      const refused = await createAssignment({
        userId: teacherId,
        classId: nyClass,
        title: "Refuse",
        dueAt: "2026-03-07T12:00",
        latePolicy: { kind: "refuse" },
        exercises: [{ exerciseId: nyEx.id, points: 5 }],
      });
      const penalised = await createAssignment({
        userId: teacherId,
        classId: nyClass,
        title: "Penalty",
        dueAt: "2026-03-07T12:00",
        latePolicy: { kind: "penalty", percentPerDay: 25, maxPercent: 50 },
        exercises: [{ exerciseId: nyEx.id, points: 5 }],
      });
      expect(refused.dueAt).toBe("2026-03-07T17:00:00.000Z");
      const at = (id: string, now: string) =>
        checkAssignmentSubmission({
          assignmentId: id,
          exerciseId: nyEx.id,
          classId: nyClass,
          userId: students.li,
          now: new Date(now),
        });
      await expect(at(refused.id, "2026-03-07T16:59:59Z")).resolves.toMatchObject({ late: false });
      const error = await appErrorOf(at(refused.id, "2026-03-07T17:00:01Z"));
      expect(error.code).toBe("FORBIDDEN");
      expect(error.message).toBe(
        "The deadline (2026-03-07 12:00 (America/New_York)) has passed and this assignment does not accept late work; nothing was submitted.",
      );
      // Sunday 12:30 EDT, after the spring-forward night: 23.5 h late = 1 day, not 2.
      await expect(at(penalised.id, "2026-03-08T16:30:00Z")).resolves.toEqual({
        late: true,
        lateDays: 1,
        penaltyPercent: 25,
      });
      await expect(at(penalised.id, "2026-03-08T17:00:01Z")).resolves.toEqual({
        late: true,
        lateDays: 2,
        penaltyPercent: 50,
      });
    });

    it("the attempts limit counts the student's submissions to this exercise in this assignment", async () => {
      // li has 2 submissions to ex2 (limit 3): one more is fine, then the limit is reached.
      await expect(check("2026-03-09T00:00:00Z", students.li, ex2.id)).resolves.toMatchObject({ late: false });
      await submission(students.li, ex2, 3, "2026-03-09T00:00:00Z", 20);
      const error = await appErrorOf(check("2026-03-09T00:00:01Z", students.li, ex2.id));
      expect(error).toMatchObject({
        code: "FORBIDDEN",
        message: "You have used all 3 attempts for this exercise in this assignment; nothing was submitted.",
      });
    });
  });
});
