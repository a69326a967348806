import { randomBytes } from "node:crypto";

let counter = randomBytes(2).readUInt16BE(0);

/**
 * A collision-resistant id shaped like Prisma's `@default(cuid())` ("c" + 24 base-36 characters,
 * growing with time within a process), for rows inserted by raw SQL (lib/db/raw-sql.ts), which
 * Prisma's defaults never see.
 */
export function newId(): string {
  counter = (counter + 1) % 36 ** 4;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = counter.toString(36).padStart(4, "0");
  let random = "";
  for (const byte of randomBytes(12)) random += (byte % 36).toString(36);
  return `c${time}${count}${random}`;
}
