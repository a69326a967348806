/** Axe's serious and critical findings in one readable form, for the end-to-end tests. */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import type { HttpSession } from "@/tests/helpers/http-session";

/** Serious or critical axe violations on the page, as "rule: selector" strings. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * A new browser context signed in through the real sign-in form (locale-independent selectors), on
 * the dashboard. The caller closes `page.context()`.
 */
export async function signedInPage(options: {
  browser: Browser;
  url: string;
  email: string;
  password: string;
  locale?: string;
  width?: number;
  /** More for the new context (a time zone, downloads). */
  context?: BrowserContextOptions;
}): Promise<Page> {
  const context = await options.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? "en-US",
    ...options.context,
  });
  const page = await context.newPage();
  await page.goto(`${options.url}/sign-in`);
  await page.locator("input[type=email]").fill(options.email);
  await page.locator("input[type=password]").fill(options.password);
  await page.locator("form button[type=submit]").click();
  await page.waitForURL(`${options.url}/dashboard`);
  return page;
}

/** `session`'s cookies for a browser context on `url` (two laptops, two jars). */
export function sessionCookies(session: HttpSession, url: string): { name: string; value: string; url: string }[] {
  return session
    .cookieHeader()
    .split("; ")
    .map((pair) => {
      const index = pair.indexOf("=");
      return { name: pair.slice(0, index), value: pair.slice(index + 1), url };
    });
}
