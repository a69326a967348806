"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition, type ChangeEvent } from "react";
import { callApi, type ApiResult } from "@/app/_lib/api-client";
import { useErrorText } from "@/app/_lib/use-error-text";
import { secondaryButton } from "@/app/_components/button-styles";
import { exerciseFolders, type PickedFile } from "@/app/classes/[id]/exercises/_import/exercise-folders";

type Imported = { slug: string; outcome: string };

/**
 * Imports exported exercises: the JSON of "Export (JSON)", a .zip of exercise folders, or a folder
 * picked as it is (the library's format, e.g. written by `npm run exercises -- export`). Folders
 * and zips are unpacked here and checked on the server by the same loader as the library.
 */
export function ExerciseUploadButton({ classId }: { classId: string }) {
  const t = useTranslations("exerciseEditor");
  const errorText = useErrorText();
  const router = useRouter();
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [messages, setMessages] = useState<{ text: string; error: boolean }[]>([]);
  const [pending, startTransition] = useTransition();

  // React does not know the attribute; without it the picker selects files, not a folder.
  useEffect(() => folderInput.current?.setAttribute("webkitdirectory", ""), []);

  function importPicked(event: ChangeEvent<HTMLInputElement>) {
    const files = [...(event.target.files ?? [])];
    event.target.value = "";
    if (files.length === 0) return;
    startTransition(async () => {
      const results = await importFiles(classId, files);
      if (results === "nothing") return setMessages([{ text: t("uploadNoFolder"), error: true }]);
      if (results === "not-json")
        return setMessages([{ text: t("uploadNotJson", { name: files[0].name }), error: true }]);
      setMessages(
        results.map((result) =>
          result.ok
            ? { text: t("uploaded", { slug: result.data.slug, outcome: result.data.outcome }), error: false }
            : { text: errorText.message(result.error), error: true },
        ),
      );
      if (results.some((result) => result.ok)) router.refresh();
    });
  }

  const hidden = {
    type: "file",
    className: "sr-only",
    tabIndex: -1,
    "aria-hidden": true,
    onChange: importPicked,
  } as const;
  return (
    <div className="flex flex-col items-end gap-1">
      <input ref={fileInput} accept="application/json,.json,application/zip,.zip" {...hidden} />
      <input ref={folderInput} multiple {...hidden} />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className={secondaryButton} disabled={pending} onClick={() => fileInput.current?.click()}>
          {t("upload")}
        </button>
        <button
          type="button"
          className={secondaryButton}
          disabled={pending}
          onClick={() => folderInput.current?.click()}
        >
          {t("uploadFolder")}
        </button>
      </div>
      {messages.map((message, index) => (
        <span
          key={index}
          role={message.error ? "alert" : "status"}
          className={`text-base font-semibold ${message.error ? "text-red-700" : "text-emerald-800"}`}
        >
          {message.text}
        </span>
      ))}
    </div>
  );
}

/** One request per exercise found; "nothing" when a folder or zip holds no exercise.json. */
async function importFiles(classId: string, files: File[]): Promise<ApiResult<Imported>[] | "nothing" | "not-json"> {
  const [first] = files;
  if (files.length === 1 && !first.webkitRelativePath && !/\.zip$/i.test(first.name)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await first.text());
    } catch {
      return "not-json";
    }
    const pkg = typeof parsed === "object" && parsed !== null && "package" in parsed ? parsed.package : parsed;
    return [await callApi<Imported>(`/api/classes/${classId}/exercises/upload`, "POST", { package: pkg })];
  }
  const picked: PickedFile[] =
    /\.zip$/i.test(first.name) && files.length === 1 ? await unzip(first) : await read(files);
  const folders = exerciseFolders(picked);
  if (folders.length === 0) return "nothing";
  const results: ApiResult<Imported>[] = [];
  for (const folder of folders)
    results.push(await callApi<Imported>(`/api/classes/${classId}/exercises/upload-folder`, "POST", { files: folder }));
  return results;
}

async function read(files: File[]): Promise<PickedFile[]> {
  return Promise.all(
    files.map(async (file) => ({ path: file.webkitRelativePath || file.name, text: await file.text() })),
  );
}

async function unzip(file: File): Promise<PickedFile[]> {
  // Loaded only when a zip is picked: the class page does not pay for it otherwise.
  const { unzipSync, strFromU8 } = await import("fflate");
  const entries = unzipSync(new Uint8Array(await file.arrayBuffer()));
  return Object.entries(entries)
    .filter(([path]) => !path.endsWith("/"))
    .map(([path, bytes]) => ({ path, text: strFromU8(bytes) }));
}
