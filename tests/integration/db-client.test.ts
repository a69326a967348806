import { afterAll, expect, it } from "vitest";
import { checkDatabase } from "@/lib/db/check-database";
import { getDb, useDatabaseUrl } from "@/lib/db/get-db";
import { withTransaction } from "@/lib/db/with-transaction";
import { createTestUser, describeEachProvider, useTestDatabase } from "@/tests/helpers/db";

describeEachProvider("database client", (provider) => {
  useTestDatabase(provider);

  it("reports health with provider and latency", async () => {
    const health = await checkDatabase();
    expect(health).toMatchObject({ ok: true, provider });
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
    expect(health.error).toBeUndefined();
  });

  it("rolls a transaction back completely when it fails", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    await expect(
      withTransaction(async (tx) => {
        await tx.class.create({ data: { name: "Half", joinCode: "HALF-2345", ownerId: teacher.id } });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await getDb().class.count({ where: { joinCode: "HALF-2345" } })).toBe(0);
  });

  it("stores enums and JSON, and enforces foreign keys with cascades", async () => {
    const teacher = await createTestUser({ role: "INSTRUCTOR" });
    const student = await createTestUser({ role: "STUDENT" });
    const db = getDb();
    const klass = await db.class.create({ data: { name: "Json", joinCode: "JSON-2345", ownerId: teacher.id } });
    const exercise = await db.exercise.create({
      data: { classId: klass.id, slug: "gather", kind: "WRITE_CODE", status: "PUBLISHED" },
    });
    const limits = { cpuMs: 2000, memoryMb: 128, nested: { seeds: [1, 2, 3] }, note: "ünïcode ✓" };
    const version = await db.exerciseVersion.create({
      data: {
        exerciseId: exercise.id,
        version: 1,
        titleEn: "Gather",
        titleZh: "聚集",
        promptEn: "p",
        promptZh: "提示",
        starterCode: "",
        referenceSolution: "",
        expectedSpec: "",
        limits,
      },
    });
    const submission = await db.submission.create({
      data: {
        exerciseId: exercise.id,
        exerciseVersionId: version.id,
        userId: student.id,
        classId: klass.id,
        code: "print(1)",
        attemptNumber: 1,
        verdict: { passed: false, seeds: [0] },
        trace: [{ t: 0, task: "main", stream: "stdout", text: "1" }],
      },
    });
    const read = await db.submission.findUniqueOrThrow({
      where: { id: submission.id },
      include: { exerciseVersion: true },
    });
    expect(read.status).toBe("queued");
    expect(read.claimAttempt).toBe(0);
    expect(read.verdict).toEqual({ passed: false, seeds: [0] });
    expect(read.trace).toEqual([{ t: 0, task: "main", stream: "stdout", text: "1" }]);
    expect(read.exerciseVersion.limits).toEqual(limits);

    await expect(
      db.enrollment.create({ data: { classId: "no-such-class", userId: student.id } }),
    ).rejects.toMatchObject({ code: "P2003" });
    // The same student's attempt numbers are unique per exercise.
    await expect(
      db.submission.create({
        data: {
          exerciseId: exercise.id,
          exerciseVersionId: version.id,
          userId: student.id,
          classId: klass.id,
          code: "",
          attemptNumber: 1,
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });

    await db.exercise.delete({ where: { id: exercise.id } });
    expect(await db.submission.count({ where: { id: submission.id } })).toBe(0);
  });
});

describeEachProvider("database health when down", (provider) => {
  afterAll(() => useDatabaseUrl(null));

  it("answers ok: false with a safe message instead of throwing", async () => {
    await useDatabaseUrl(
      provider === "sqlite"
        ? "file:/nonexistent-dir/for/sure/x.db"
        : "postgresql://secretuser:secretpw@127.0.0.1:1/none",
    );
    const health = await checkDatabase();
    expect(health.ok).toBe(false);
    expect(health.provider).toBe(provider);
    expect(health.error).toBeTruthy();
    expect(health.error).not.toContain("secretpw");
    if (provider === "postgres") expect(health.error).toMatch(/reach/);
  });
});
