import { createTranslator, type Messages } from "next-intl";
import { describe, expect, it } from "vitest";
import { feedbackText, type Feedback, type Translate } from "@/app/exercises/[id]/feedback-text";
import { resultFromRun } from "@/app/exercises/[id]/result-view";
import { checkPrediction } from "@/lib/traces/check-prediction";
import { withForbiddenNotes } from "@/lib/traces/check-schedules";
import { checkTrace } from "@/lib/traces/check-trace";
import { parseSpec } from "@/lib/traces/parse-spec";
import { fakeRun, type FakeLine } from "@/lib/traces/test-fake-run";
import { MESSAGE_CODES } from "@/lib/traces/verdict.types";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

function translator(locale: "en" | "zh-CN"): Translate {
  // The app's (untyped) Messages, as the page's useTranslations sees them: keys chosen at runtime.
  const messages: Messages = locale === "en" ? en : zh;
  const t = createTranslator({ locale, messages, namespace: "feedback", onError: () => undefined });
  return (key, values) => t(key, values);
}
const EN = translator("en");
const ZH = translator("zh-CN");

/** The real checker's first divergence for a spec and a fake run. */
function divergence(spec: string, lines: FakeLine[], overrides: Partial<RunResult> = {}): Feedback {
  const first = checkTrace(parseSpec(spec), fakeRun(lines, overrides)).firstDivergence;
  if (!first) throw new Error(`no divergence for ${spec}`);
  return first;
}

const ERROR = { type: "ValueError", message: "bad value", line: 7, traceback: "" };

function forbiddenNote(): Feedback {
  const run = fakeRun([[0, "main", "hi"]], { notes: ["legacy @asyncio.coroutine used"] });
  const verdict = withForbiddenNotes(checkTrace(parseSpec("hi"), run), run, ["^legacy @asyncio\\.coroutine"]);
  if (!verdict.firstDivergence) throw new Error("the note was not refused");
  return verdict.firstDivergence;
}

/** Realistic feedback for every code (and the variants its English sentence has). */
const CASES: [name: string, make: () => Feedback][] = [
  [
    "trace.missing (never appears)",
    () =>
      divergence("allow extra output\n[n1] a\n[n2] b", [
        [0, "n1", "a"],
        [1, "n2", "zzz"],
      ]),
  ],
  ["trace.missing (output ended)", () => divergence("@0 [n1] a\n@2 [n2] b", [[0, "n1", "a"]])],
  [
    "trace.missing (something else instead)",
    () => divergence("@0 [n1] 任务1: 开始\n@1 [n2] 任务2: 开始", [[1, "n2", "任务2: 开始"]]),
  ],
  [
    "trace.missing_after_error (error)",
    () => divergence("a\n@1 b", [[0, "main", "a"]], { status: "error", error: ERROR, virtualTime: 0.5 }),
  ],
  [
    "trace.missing_after_error (deadlock)",
    () => divergence("a\n[n1] b", [[0, "main", "a"]], { status: "deadlock", virtualTime: 3 }),
  ],
  [
    "trace.missing_after_error (limit)",
    () => divergence("a\nb", [[0, "main", "a"]], { status: "limit", limit: "virtual_time", virtualTime: 100 }),
  ],
  [
    "trace.unexpected (after everything)",
    () =>
      divergence("@0 a", [
        [0, "main", "a"],
        [1.25, "Task-3", "多余的一行"],
      ]),
  ],
  [
    "trace.unexpected (here)",
    () =>
      divergence("@0 [n1] a\n@0 [n1] b", [
        [0, "n1", "x"],
        [0, "n1", "a"],
        [0, "n1", "b"],
      ]),
  ],
  [
    "trace.unexpected (never awaited hint)",
    () =>
      divergence("@0 a", [
        [0, "main", "a"],
        [0, "main", "RuntimeWarning: coroutine 'func' was never awaited", "stderr"],
      ]),
  ],
  ["trace.text", () => divergence("@0 [n1] test", [[0, "n1", "任务完成"]])],
  [
    "trace.text_late",
    () =>
      divergence("@0 [n1] test\n@2 [n2] done", [
        [2, "n2", "任务完成"],
        [2, "n2", "done"],
      ]),
  ],
  [
    "trace.order (late)",
    () =>
      divergence("@0 [Task-1] 任务1: 开始\n@0 [Task-2] 任务2: 开始\n@2 [Task-1] 任务1: 完成", [
        [0, "Task-1", "任务1: 开始"],
        [2, "Task-1", "任务1: 完成"],
        [2, "Task-2", "任务2: 开始"],
      ]),
  ],
  [
    "trace.order (early)",
    () =>
      divergence("@0 a\n@0 b", [
        [0, "main", "b"],
        [0, "main", "a"],
      ]),
  ],
  [
    "trace.time_late",
    () =>
      divergence("@0 x\n@2 [n2] 任务完成", [
        [0, "main", "x"],
        [4, "n2", "任务完成"],
      ]),
  ],
  ["trace.time_early", () => divergence("@2 x", [[1.5, "main", "x"]])],
  ["trace.task", () => divergence("[n1] hi", [[0, "n2", "hi"]])],
  [
    "trace.status (error with line)",
    () => divergence("status: ok\na", [[0, "main", "a"]], { status: "error", error: ERROR }),
  ],
  ["trace.status (finished normally)", () => divergence("status: error ValueError\na", [[0, "main", "a"]])],
  ["trace.status (deadlock)", () => divergence("status: ok\na", [[0, "main", "a"]], { status: "deadlock" })],
  ["trace.status (limit)", () => divergence("status: ok\na", [[0, "main", "a"]], { status: "limit", limit: "steps" })],
  ["trace.total_time (by)", () => divergence("finishes by t=2\n@0 a", [[0, "main", "a"]], { virtualTime: 4 })],
  ["trace.total_time (at)", () => divergence("finishes at t=3\n@0 a", [[0, "main", "a"]], { virtualTime: 1.5 })],
  ["trace.forbidden_note", forbiddenNote],
  ["prediction.correct", () => checkPrediction(["main", "done"], "main\ndone").feedback],
  ["prediction.wrong", () => checkPrediction(["main", "任务执行完成"], "main\n任务执行完成 None").feedback],
  ["prediction.extra", () => checkPrediction(["main", "多余", "done"], "main\ndone").feedback],
  ["prediction.missing", () => checkPrediction(["main"], "main\ndone").feedback],
];

/** The facts an English message states: quoted texts, virtual times and the task names it names. */
function factsOf(feedback: Feedback): string[] {
  const quoted = feedback.message.match(/“[^”]*”/g) ?? [];
  const times = feedback.message.match(/t=[\d.]+\d|t=\d/g) ?? [];
  const tasks = ["actualTask", "expectedTask"]
    .map((key) => feedback.params[key])
    .filter((task): task is string => typeof task === "string" && feedback.message.includes(` ${task}`));
  return [...quoted, ...times, ...tasks];
}

describe("feedbackText", () => {
  const made = CASES.map(([name, make]) => [name, make()] as const);

  it("covers every checker code and every prediction code", () => {
    const codes = new Set(made.map(([, feedback]) => feedback.code));
    for (const code of [
      ...MESSAGE_CODES,
      "prediction.correct",
      "prediction.wrong",
      "prediction.extra",
      "prediction.missing",
    ])
      expect(codes).toContain(code);
    expect(made.find(([name]) => name.includes("hint"))?.[1].params.hint).toBe("never_awaited");
  });

  it.each(made)("%s: English is the server's message, Chinese states the same facts", (_name, feedback) => {
    expect(feedbackText(feedback, EN)).toBe(feedback.message);
    const chinese = feedbackText(feedback, ZH);
    expect(chinese).not.toBe(feedback.message);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese).not.toMatch(/[{}]/);
    for (const fact of factsOf(feedback)) expect(chinese).toContain(fact);
  });

  it("speaks the tutorial's words for the typical mistakes", () => {
    const byName = new Map(made);
    expect(feedbackText(byName.get("trace.order (late)")!, ZH)).toBe(
      "在 t=2，任务 Task-1 打印了“任务1: 完成”，但这时“任务2: 开始”（来自任务 Task-2，t=0）还没有打印——你的任务很可能是一个接一个顺序执行的，而不是并发执行。",
    );
    expect(feedbackText(byName.get("trace.missing_after_error (deadlock)")!, ZH)).toContain("死锁");
    expect(feedbackText(byName.get("trace.missing_after_error (limit)")!, ZH)).toContain("虚拟时间");
    expect(feedbackText(byName.get("trace.unexpected (never awaited hint)")!, ZH)).toMatch(/协程.*await/);
    expect(feedbackText(byName.get("trace.status (error with line)")!, ZH)).toContain("ValueError：bad value");
  });

  it("falls back to the English message for an unknown code or a missing fact", () => {
    const order = made.find(([name]) => name === "trace.order (late)")![1];
    expect(feedbackText({ code: "trace.new_kind", params: order.params, message: "Something new." }, ZH)).toBe(
      "Something new.",
    );
    expect(feedbackText({ ...order, code: "toString" }, ZH)).toBe(order.message);
    const { actualT: _dropped, ...withoutTime } = order.params;
    expect(feedbackText({ ...order, params: withoutTime }, ZH)).toBe(order.message);
    expect(feedbackText({ code: "prediction.wrong", params: { line: 2 }, message: "Line 2: wrong." }, ZH)).toBe(
      "Line 2: wrong.",
    );
  });

  it("falls back when a message is missing from the catalogue instead of showing its key", () => {
    const order = made.find(([name]) => name === "trace.order (late)")![1];
    const keyEcho: Translate = (key) => `feedback.${key}`;
    expect(feedbackText(order, keyEcho)).toBe(order.message);
  });
});
