/**
 * One production server and one Chromium for an end-to-end test FILE, and every browser context
 * the file opens: `close()` (in afterAll) closes the contexts, the browser, then the server.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { launchChromium } from "@/scripts/launch-chromium";
import { sessionCookies, signedInPage } from "@/tests/helpers/browser";
import type { HttpSession } from "@/tests/helpers/http-session";
import { startTestServer, type StartOptions, type TestServer } from "@/tests/helpers/server";

export interface BrowserWorld {
  server: TestServer;
  browser: Browser;
  /** A new context signed in through the sign-in form with the file's password, on the dashboard. */
  signIn(email: string, options?: { locale?: string; width?: number; context?: BrowserContextOptions }): Promise<Page>;
  /** A new context holding `session`'s cookies (two laptops, two jars), on a blank page. */
  pageAs(session: HttpSession, viewport: { width: number; height: number }): Promise<Page>;
  /** A new context, closed with the world. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** `password`: the one the file's accounts share (tests/helpers/live.ts's `newUser` uses the default). */
export async function startBrowserWorld({
  password = "password 123",
  ...options
}: StartOptions & { password?: string } = {}): Promise<BrowserWorld> {
  const server = await startTestServer(options);
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const contexts: BrowserContext[] = [];
  async function newContext(options: BrowserContextOptions): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  }
  return {
    server,
    browser,
    newContext,
    async signIn(email, { locale, width, context } = {}) {
      const page = await signedInPage({ browser, url: server.url, email, password, locale, width, context });
      contexts.push(page.context());
      return page;
    },
    async pageAs(session, viewport) {
      const context = await newContext({ viewport, locale: "en-US" });
      await context.addCookies(sessionCookies(session, server.url));
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.stop();
    },
  };
}
