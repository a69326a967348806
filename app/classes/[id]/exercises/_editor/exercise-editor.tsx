"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ExerciseForEditor } from "@/lib/exercises/exercise-draft.types";
import type { RunResult } from "@/lib/run-contract/run-result.types";
import { callApi, type ApiError } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { card, primaryButton, secondaryButton } from "@/app/_components/button-styles";
import { TimelinePanel } from "@/app/exercises/[id]/timeline-panel";
import { bodyOf, cpuStretchProblem, EMPTY_FORM, formOf, type EditorForm } from "./editor-form";
import { ExerciseFields } from "./exercise-fields";
import { NetworkEditor, networkTextOf, parseNetworkText } from "./network-editor";
import { RunTimeline } from "./run-timeline";
import { SpecEditor, specProblem } from "./spec-editor";
import { TrySolutionPanel } from "./try-solution-panel";

type Notice = { text: string; error: boolean } | null;

/**
 * The instructor's exercise editor. Without an exercise it creates a draft; with one it saves,
 * records the expected trace from the reference solution, edits the spec, tries wrong solutions,
 * previews the student page and publishes.
 */
export function ExerciseEditor({
  classId,
  exercise: initial,
}: {
  classId: string;
  exercise: ExerciseForEditor | null;
}) {
  const t = useTranslations("exerciseEditor");
  const errorText = useErrorText();
  const router = useRouter();
  const [exercise, setExercise] = useState(initial);
  const [form, setForm] = useState<EditorForm>(initial ? formOf(initial) : EMPTY_FORM);
  const [spec, setSpec] = useState(initial?.spec ?? "");
  const [networkText, setNetworkText] = useState(networkTextOf(initial?.network));
  const [networkErrors, setNetworkErrors] = useState<string[] | null>(null);
  const [recorded, setRecorded] = useState<RunResult | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const [specError, setSpecError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, startTransition] = useTransition();
  const dirty =
    !exercise ||
    JSON.stringify(form) !== JSON.stringify(formOf(exercise)) ||
    spec !== exercise.spec ||
    networkText.trim() !== networkTextOf(exercise.network);

  function fail(error: ApiError) {
    setFieldErrors(error.details ?? {});
    setSpecError(error.details?.spec?.join(" ") ?? null);
    setNetworkErrors(error.details?.network ?? null);
    setNotice({ text: errorText.message(error), error: true });
  }

  function accept(next: ExerciseForEditor, text: string) {
    setExercise(next);
    setForm(formOf(next));
    setSpec(next.spec);
    setNetworkText(networkTextOf(next.network));
    setFieldErrors({});
    setSpecError(null);
    setNetworkErrors(null);
    setNotice({ text, error: false });
  }

  /** Saves the form (and the spec) when it changed; returns the saved exercise or null on error. */
  async function save(): Promise<ExerciseForEditor | null> {
    const { body, limitsError } = bodyOf(form);
    if (cpuStretchProblem(form.cpuStretchText)) {
      setNotice({ text: t("cpuStretchInvalid"), error: true });
      return null;
    }
    if (limitsError) {
      setFieldErrors({ limits: [t("limitsInvalid")] });
      setNotice({ text: t("limitsInvalid"), error: true });
      return null;
    }
    const network = parseNetworkText(networkText);
    if (!network.ok) return (setNotice({ text: t("networkInvalid"), error: true }), null);
    if (!exercise) {
      const created = await callApi<{ exercise: ExerciseForEditor }>(`/api/classes/${classId}/exercises`, "POST", {
        ...body,
        spec,
        network: network.network,
      });
      if (!created.ok) return (fail(created.error), null);
      router.push(`/classes/${classId}/exercises/${created.data.exercise.id}`);
      return created.data.exercise;
    }
    if (!dirty) return exercise;
    const problem = specProblem(spec);
    if (problem) return (setNotice({ text: t("specError", problem), error: true }), null);
    const saved = await callApi<{ exercise: ExerciseForEditor }>(`/api/exercises/${exercise.id}`, "PUT", {
      ...body,
      spec,
      network: network.network,
    });
    if (!saved.ok) return (fail(saved.error), null);
    accept(
      saved.data.exercise,
      saved.data.exercise.version !== exercise.version
        ? t("savedVersion", { version: saved.data.exercise.version })
        : t("saved"),
    );
    return saved.data.exercise;
  }

  function onSave() {
    startTransition(async () => {
      // Nothing changed: nothing to send, but the instructor still learns that all of it is saved.
      if (exercise && !dirty) return setNotice({ text: t("saved"), error: false });
      await save();
    });
  }

  function onRecord() {
    startTransition(async () => {
      const saved = await save();
      if (!saved) return;
      setNotice({ text: t("recording"), error: false });
      const result = await callApi<{ spec: string; trace: RunResult; exercise: ExerciseForEditor }>(
        `/api/exercises/${saved.id}/record`,
        "POST",
        {},
      );
      if (!result.ok) return fail(result.error);
      setRecorded(result.data.trace);
      accept(result.data.exercise, t("recorded"));
    });
  }

  function onStatus(status: "PUBLISHED" | "DRAFT" | "CLOSED") {
    startTransition(async () => {
      const saved = await save();
      if (!saved) return;
      const result = await callApi<{ status: ExerciseForEditor["status"] }>(`/api/exercises/${saved.id}`, "PATCH", {
        status,
      });
      if (!result.ok) return fail(result.error);
      const next = {
        ...saved,
        status: result.data.status,
        editsCreateVersion: result.data.status !== "DRAFT" || saved.editsCreateVersion,
      };
      accept(next, status === "PUBLISHED" ? t("publishedNotice") : t("statusChanged"));
      router.refresh();
    });
  }

  return (
    <form className="flex flex-col gap-8" onSubmit={(event) => (event.preventDefault(), onSave())} aria-busy={pending}>
      {exercise ? <StatusLine exercise={exercise} classId={classId} /> : null}
      <section className={`${card} flex flex-col gap-6`} aria-labelledby="editor-fields-title">
        <h2 id="editor-fields-title" className="text-2xl font-bold text-slate-950">
          {t("fieldsTitle")}
        </h2>
        <ExerciseFields
          form={form}
          onChange={setForm}
          errors={fieldErrors}
          kindLocked={(exercise?.submissionCount ?? 0) > 0}
        />
      </section>
      <section className={`${card} flex flex-col gap-4`} aria-labelledby="editor-network-title">
        <h2 id="editor-network-title" className="text-2xl font-bold text-slate-950">
          {t("networkTitle")}
        </h2>
        <NetworkEditor
          value={networkText}
          onChange={(text) => (setNetworkText(text), setNetworkErrors(null))}
          serverErrors={networkErrors}
        />
      </section>
      {exercise ? (
        <section className={`${card} flex flex-col gap-4`} aria-labelledby="editor-spec-title">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="editor-spec-title" className="text-2xl font-bold text-slate-950">
              {t("specTitle")}
            </h2>
            <button type="button" onClick={onRecord} disabled={pending} className={secondaryButton}>
              {form.schedulesAuto ? t("recordAuto") : t("record", { count: form.schedules })}
            </button>
          </div>
          {recorded ? <RunTimeline run={recorded} caption={t("recordedRun")} /> : null}
          {recorded?.lifecycle ? (
            <TimelinePanel
              run={{ ...recorded, lifecycle: recorded.lifecycle }}
              highlight={null}
              expected={null}
              expectedHighlight={null}
              realRun
            />
          ) : null}
          <SpecEditor value={spec} onChange={setSpec} serverError={specError} />
        </section>
      ) : null}
      {exercise && form.kind === "WRITE_CODE" ? (
        <TrySolutionPanel exerciseId={exercise.id} spec={spec} starter={form.starter} />
      ) : null}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t-2 border-slate-200 bg-white/95 py-4">
        <button type="submit" disabled={pending} className={primaryButton}>
          {exercise ? t("save") : t("create")}
        </button>
        {exercise && exercise.status !== "PUBLISHED" ? (
          <button type="button" onClick={() => onStatus("PUBLISHED")} disabled={pending} className={secondaryButton}>
            {t("publish")}
          </button>
        ) : null}
        {exercise && exercise.status === "PUBLISHED" ? (
          <button type="button" onClick={() => onStatus("DRAFT")} disabled={pending} className={secondaryButton}>
            {t("unpublish")}
          </button>
        ) : null}
        {exercise && dirty ? <span className="text-base font-semibold text-amber-800">{t("unsaved")}</span> : null}
        {notice ? (
          <span
            role={notice.error ? "alert" : "status"}
            className={`text-base font-semibold ${notice.error ? "text-red-700" : "text-emerald-800"}`}
          >
            {notice.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}

function StatusLine({ exercise, classId }: { exercise: ExerciseForEditor; classId: string }) {
  const t = useTranslations("exerciseEditor");
  return (
    <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-lg text-slate-700">
      <span data-testid="exercise-status">
        {t("statusLine", {
          status: t(`status.${exercise.status}`),
          version: exercise.version,
          submissions: exercise.submissionCount,
        })}
      </span>
      {exercise.editsCreateVersion ? (
        <span className="text-base text-amber-800">{t("frozenHint", { next: exercise.version + 1 })}</span>
      ) : null}
      <Link href={`/exercises/${exercise.id}`} className="font-semibold text-brand-700 underline" target="_blank">
        {t("previewAsStudent")}
      </Link>
      <a
        href={`/api/exercises/${exercise.id}/export`}
        download={`${exercise.slug}.json`}
        className="font-semibold text-brand-700 underline"
      >
        {t("export")}
      </a>
      <Link href={`/classes/${classId}/dashboard`} className="font-semibold text-brand-700 underline">
        {t("dashboard")}
      </Link>
    </div>
  );
}
