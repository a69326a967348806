/**
 * Class time zones. Times are stored in UTC; instructors type and read them in the class's zone.
 * Pure (Intl only), so the same rules serve routes, pages and tests.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for an IANA zone name this runtime knows ("Asia/Shanghai", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

function wallClockAsUtc(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** The zone's offset from UTC at `instant`, in milliseconds (+08:00 → 28 800 000). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const truncated = Math.floor(instant / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(truncated, timeZone)) - truncated;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const ABSOLUTE_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a time an instructor typed. With an offset or `Z` ("2026-03-08T09:00:00Z") it is absolute;
 * without one ("2026-03-08T23:59") it is a wall-clock time in `timeZone`. A wall-clock time that
 * does not exist (the hour skipped by a spring-forward change) moves forward by the gap, as clocks
 * do; an ambiguous one (the repeated autumn hour) takes the earlier instant. Null when unreadable.
 */
export function parseDateTimeInZone(text: string, timeZone: string): Date | null {
  const trimmed = text.trim();
  if (ABSOLUTE_DATE_TIME.test(trimmed)) {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const match = LOCAL_DATE_TIME.exec(trimmed);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((value) => Number(value ?? 0));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
    return null;
  return new Date(wallToInstant(wall, timeZone));
}

function wallToInstant(wall: number, timeZone: string): number {
  // Try the offsets in force just before and just after; keep an instant whose wall clock matches.
  const before = zoneOffsetMs(wall - 86_400_000, timeZone);
  const after = zoneOffsetMs(wall + 86_400_000, timeZone);
  const candidates = [wall - before, wall - after].sort((a, b) => a - b);
  for (const instant of candidates) {
    if (wallClockAsUtc(wallClockAt(instant, timeZone)) === wall) return instant;
  }
  // In the gap: the wall time read with the earlier offset lands after the change.
  return wall - before;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, "0");
}

/** "2026-03-08T12:30:00-04:00": the instant as the class's wall clock, with its offset. */
export function formatInZone(date: Date, timeZone: string): string {
  const instant = Math.floor(date.getTime() / 1000) * 1000;
  const clock = wallClockAt(instant, timeZone);
  const offsetMinutes = Math.round((wallClockAsUtc(clock) - instant) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${clock.year}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}${offset}`;
}

/** "2026-03-08T12:30" in the zone: the value a datetime-local input shows. */
export function toLocalInputValue(date: Date, timeZone: string): string {
  return formatInZone(date, timeZone).slice(0, 16);
}
