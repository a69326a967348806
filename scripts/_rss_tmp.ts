const mb = () => Math.round(process.memoryUsage().rss / 1048576);
async function main() {
  const base = mb();
  const m = await import("@/lib/db/get-db");
  const imp = mb();
  const db = m.getDb();
  const created = mb();
  await db.user.count();
  const q1 = mb();
  await db.submission.findMany({ take: 1, include: { exercise: true } });
  const q2 = mb();
  global.gc?.();
  console.log({ base, imp, created, q1, q2, afterGc: mb(), heap: Math.round(process.memoryUsage().heapUsed / 1048576), ext: Math.round(process.memoryUsage().external / 1048576), ab: Math.round(process.memoryUsage().arrayBuffers / 1048576) });
}
main();
