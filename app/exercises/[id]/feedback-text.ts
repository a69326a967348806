import { formatTraceTime } from "@/lib/traces/divergence-messages";

/**
 * The checker's feedback (a divergence or a prediction verdict) in the UI's language, rebuilt from
 * its stable `code` + `params` with the `feedback` messages. The server's English `message` is
 * the fallback whenever the code is unknown or a fact it needs is missing, so a student never
 * sees a raw key or an empty placeholder.
 */

export type FeedbackParams = Record<string, string | number | null>;

export interface Feedback {
  code: string;
  params: FeedbackParams;
  message: string;
}

/** A translator scoped to the `feedback` namespace (next-intl's `useTranslations("feedback")`). */
export type Translate = (key: string, values?: Record<string, string>) => string;

/** Thrown inside a renderer when the feedback cannot be translated faithfully. */
class Untranslatable extends Error {}

const LIMIT_KINDS = ["cpu", "wall", "memory", "output", "virtual_time", "steps"];
const HINTS = ["never_awaited"];

/** Reads params and messages; every miss aborts to the English fallback. */
class Reader {
  constructor(
    private readonly p: FeedbackParams,
    private readonly t: Translate,
  ) {}

  has(key: string): boolean {
    const value = this.p[key];
    return value !== null && value !== undefined && value !== "" && value !== 0;
  }

  /** A param as shown in a sentence; values are strings so ICU never reformats numbers. */
  text(key: string): string {
    const value = this.p[key];
    if (value === null || value === undefined) throw new Untranslatable(key);
    return String(value);
  }

  time(key: string): string {
    const value = this.p[key];
    if (typeof value !== "number") throw new Untranslatable(key);
    return formatTraceTime(value);
  }

  say(key: string, values: Record<string, string> = {}): string {
    const out = this.t(key, values);
    // next-intl answers a missing message or a formatting error with the key path itself.
    if (out === key || out.endsWith(`.${key}`)) throw new Untranslatable(key);
    return out;
  }

  /** Where and when the spec expected the line: only the parts the spec states. */
  origin(): string {
    const task = this.has("expectedTask") ? this.text("expectedTask") : null;
    const time = typeof this.p.expectedT === "number" ? formatTraceTime(this.p.expectedT) : null;
    if (task !== null && time !== null) return this.say("origin.taskTime", { task, time });
    if (task !== null) return this.say("origin.task", { task });
    if (time !== null) return this.say("origin.time", { time });
    return "";
  }

  /** How the run stopped, for a status other than ok. */
  stop(status: string, detailKey: string): string {
    // Nullish, not truthy, like the English renderer's `detail ?? "resource"`.
    const raw = this.p[detailKey];
    const detail = raw === null || raw === undefined ? null : String(raw);
    if (status === "deadlock") return this.say("stop.deadlock");
    if (status === "limit") {
      const limit =
        detail === null
          ? this.say("limit.unknown")
          : LIMIT_KINDS.includes(detail)
            ? this.say(`limit.${detail}`)
            : detail;
      return this.say("stop.limit", { limit });
    }
    if (status === "error") {
      const error = detail ?? this.say("stop.unknownError");
      return this.has("errorMessage")
        ? this.say("stop.errorWithMessage", { error, message: this.text("errorMessage") })
        : this.say("stop.error", { error });
    }
    return this.say("stop.other", { status });
  }

  /** The facts most line messages share. */
  line(): Record<string, string> {
    return {
      actualT: this.time("actualT"),
      actualTask: this.text("actualTask"),
      actual: this.text("actual"),
      expected: this.text("expected"),
      origin: this.origin(),
    };
  }

  expected(): Record<string, string> {
    return { expected: this.text("expected"), origin: this.origin() };
  }
}

const RENDER: Record<string, (r: Reader, p: FeedbackParams) => string> = {
  "trace.missing": (r, p) =>
    p.searching === 1
      ? r.say("missing.never", r.expected())
      : p.actual === null
        ? r.say("missing.ended", r.expected())
        : r.say("missing.instead", r.line()),
  "trace.missing_after_error": (r) =>
    r.say("missingAfterError", {
      ...r.expected(),
      actualT: r.time("actualT"),
      stop: r.stop(r.text("status"), "detail"),
    }),
  "trace.unexpected": (r, p) =>
    p.expected === null
      ? r.say("unexpected.extra", {
          actualT: r.time("actualT"),
          actualTask: r.text("actualTask"),
          actual: r.text("actual"),
        })
      : r.say("unexpected.here", r.line()),
  "trace.text": (r) => r.say("text", r.line()),
  "trace.text_late": (r) => r.say("textLate", r.line()),
  "trace.order": (r, p) => r.say(p.late ? "order.late" : "order.early", r.line()),
  "trace.time_late": (r) =>
    r.say("timeLate", { expected: r.text("expected"), actualT: r.time("actualT"), expectedT: r.time("expectedT") }),
  "trace.time_early": (r) =>
    r.say("timeEarly", { expected: r.text("expected"), actualT: r.time("actualT"), expectedT: r.time("expectedT") }),
  "trace.task": (r) =>
    r.say("task", {
      expected: r.text("expected"),
      actualTask: r.text("actualTask"),
      expectedTask: r.text("expectedTask"),
    }),
  "trace.status": (r) => {
    const actualStatus = r.text("actualStatus");
    const got = actualStatus === "ok" ? r.say("status.finishedNormally") : r.stop(actualStatus, "actualDetail");
    const want = r.has("expectedDetail")
      ? `${r.text("expectedStatus")} ${r.text("expectedDetail")}`
      : r.text("expectedStatus");
    const line = r.has("errorLine") ? r.say("status.line", { line: r.text("errorLine") }) : "";
    return r.say("status.message", { got, want, line });
  },
  "trace.total_time": (r, p) =>
    r.say(p.kind === "by" ? "totalTime.by" : "totalTime.at", {
      actualT: r.time("actualT"),
      expectedT: r.time("expectedT"),
    }),
  "trace.forbidden_note": (r) => r.say("forbiddenNote", { note: r.text("note") }),
  "prediction.correct": (r) => r.say("prediction.correct"),
  "prediction.wrong": (r) =>
    r.say("prediction.wrong", { line: r.text("line"), predicted: r.text("predicted"), expected: r.text("expected") }),
  "prediction.extra": (r) => r.say("prediction.extra", { line: r.text("line"), predicted: r.text("predicted") }),
  "prediction.missing": (r) => r.say("prediction.missing", { line: r.text("line"), expected: r.text("expected") }),
};

export function feedbackText(feedback: Feedback, t: Translate): string {
  const render = Object.hasOwn(RENDER, feedback.code) ? RENDER[feedback.code] : undefined;
  if (!render) return feedback.message;
  try {
    const reader = new Reader(feedback.params, t);
    const hint = feedback.params.hint;
    const hintText = typeof hint === "string" && HINTS.includes(hint) ? reader.say(`hint.${hint}`) : "";
    return render(reader, feedback.params) + hintText;
  } catch (error) {
    if (error instanceof Untranslatable) return feedback.message;
    throw error;
  }
}
