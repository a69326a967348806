import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { socketEvent } from "@/lib/realtime/socket-event";

const schema = z.object({ classId: z.string().min(1, "classId is required") });

async function call(
  handler: (input: { classId: string }) => Promise<unknown>,
  payload: unknown,
  onUnexpected = vi.fn(),
) {
  const ack = vi.fn();
  await socketEvent(schema, handler, onUnexpected)(payload, ack);
  return { ack, onUnexpected };
}

describe("socketEvent", () => {
  it("acknowledges the handler's result", async () => {
    const { ack } = await call(async ({ classId }) => ({ echoed: classId }), { classId: "c1" });
    expect(ack).toHaveBeenCalledWith({ ok: true, data: { echoed: "c1" } });
  });

  it("turns an invalid payload into BAD_REQUEST without calling the handler", async () => {
    const handler = vi.fn(async () => "never");
    const { ack } = await call(handler, { classId: "" });
    expect(handler).not.toHaveBeenCalled();
    expect(ack).toHaveBeenCalledWith({ ok: false, error: { code: "BAD_REQUEST", message: "classId is required" } });
  });

  it("maps an AppError to its code and message", async () => {
    const { ack, onUnexpected } = await call(
      async () => {
        throw new AppError("NOT_FOUND", "Class not found");
      },
      { classId: "x" },
    );
    expect(ack).toHaveBeenCalledWith({ ok: false, error: { code: "NOT_FOUND", message: "Class not found" } });
    expect(onUnexpected).not.toHaveBeenCalled();
  });

  it("carries the message key and params of a keyed AppError", async () => {
    const { ack } = await call(
      async () => {
        throw new AppError("NOT_FOUND", "Class not found", { key: "class.notFound", params: { id: 3 } });
      },
      { classId: "x" },
    );
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: "NOT_FOUND", message: "Class not found", key: "class.notFound", params: { id: 3 } },
    });
  });

  it("hides unexpected errors behind a generic INTERNAL error and reports them", async () => {
    const secret = new Error("connection string postgres://user:pw@db");
    const { ack, onUnexpected } = await call(
      async () => {
        throw secret;
      },
      { classId: "x" },
    );
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: "INTERNAL", message: "Something went wrong on our side." },
    });
    expect(onUnexpected).toHaveBeenCalledWith(secret);
  });

  it("does not crash when the client sent no acknowledgement callback", async () => {
    await expect(socketEvent(schema, async () => 1)({ classId: "x" })).resolves.toBeUndefined();
  });
});
