/** "10 Mar 2026, 23:59 (Asia/Shanghai)": a stored UTC time as the class's wall clock. */
export function formatClassTime(iso: string, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale === "zh-CN" ? "zh-CN" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(new Date(iso));
  return `${text} (${timeZone})`;
}
