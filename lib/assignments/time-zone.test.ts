import { describe, expect, it } from "vitest";
import { formatInZone, isValidTimeZone, parseDateTimeInZone, toLocalInputValue, zoneOffsetMs } from "./time-zone";

describe("class time zones", () => {
  it("knows IANA zones and refuses made-up ones", () => {
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("reads a wall-clock time in the class's zone and an absolute time as given", () => {
    expect(parseDateTimeInZone("2026-09-01T23:59", "Asia/Shanghai")?.toISOString()).toBe("2026-09-01T15:59:00.000Z");
    expect(parseDateTimeInZone("2026-09-01 08:00:30", "UTC")?.toISOString()).toBe("2026-09-01T08:00:30.000Z");
    expect(parseDateTimeInZone("2026-09-01T23:59:00+08:00", "America/New_York")?.toISOString()).toBe(
      "2026-09-01T15:59:00.000Z",
    );
    expect(parseDateTimeInZone("2026-09-01T15:59:00Z", "Asia/Shanghai")?.toISOString()).toBe(
      "2026-09-01T15:59:00.000Z",
    );
  });

  it("refuses unreadable and impossible dates", () => {
    expect(parseDateTimeInZone("tomorrow", "UTC")).toBeNull();
    expect(parseDateTimeInZone("2026-02-30T10:00", "UTC")).toBeNull();
    expect(parseDateTimeInZone("2026-02-10T24:00", "UTC")).toBeNull();
  });

  it("follows daylight-saving changes (New York springs forward on 2026-03-08)", () => {
    expect(parseDateTimeInZone("2026-03-07T12:00", "America/New_York")?.toISOString()).toBe("2026-03-07T17:00:00.000Z");
    expect(parseDateTimeInZone("2026-03-08T12:00", "America/New_York")?.toISOString()).toBe("2026-03-08T16:00:00.000Z");
    // 02:30 does not exist that night: it moves forward by the gap.
    expect(parseDateTimeInZone("2026-03-08T02:30", "America/New_York")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    // 01:30 happens twice on 2026-11-01: the earlier (EDT) instant.
    expect(parseDateTimeInZone("2026-11-01T01:30", "America/New_York")?.toISOString()).toBe("2026-11-01T05:30:00.000Z");
    expect(zoneOffsetMs(Date.parse("2026-03-07T17:00:00Z"), "America/New_York")).toBe(-5 * 3_600_000);
    expect(zoneOffsetMs(Date.parse("2026-03-08T16:00:00Z"), "America/New_York")).toBe(-4 * 3_600_000);
  });

  it("formats an instant as the zone's wall clock with its offset", () => {
    expect(formatInZone(new Date("2026-03-08T16:30:00Z"), "America/New_York")).toBe("2026-03-08T12:30:00-04:00");
    expect(formatInZone(new Date("2026-09-01T15:59:00Z"), "Asia/Shanghai")).toBe("2026-09-01T23:59:00+08:00");
    expect(formatInZone(new Date("2026-09-01T15:59:00Z"), "Asia/Kolkata")).toBe("2026-09-01T21:29:00+05:30");
    expect(toLocalInputValue(new Date("2026-09-01T15:59:00Z"), "Asia/Shanghai")).toBe("2026-09-01T23:59");
  });
});
