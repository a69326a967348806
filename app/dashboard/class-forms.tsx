"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SingleFieldForm } from "@/app/dashboard/single-field-form";

/** What POST /api/classes and /api/classes/join answer. */
type ClassResponse = { class: { id: string } };

export function CreateClassForm() {
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("apiErrors");
  const router = useRouter();
  return (
    <SingleFieldForm<ClassResponse>
      field={{
        name: "name",
        label: t("className"),
        placeholder: t("classNamePlaceholder"),
        required: true,
        maxLength: 100,
      }}
      submitLabel={t("createSubmit")}
      url="/api/classes"
      emptyMessage={tErrors("classNameRequired")}
      leavesPage
      onDone={(data) => router.push(`/classes/${data.class.id}`)}
    />
  );
}

export function JoinClassForm() {
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("apiErrors");
  const router = useRouter();
  return (
    <SingleFieldForm<ClassResponse>
      field={{
        name: "code",
        label: t("joinCode"),
        hint: t("joinCodeHint"),
        required: true,
        autoComplete: "off",
        autoCapitalize: "characters",
        spellCheck: false,
        className: "font-mono uppercase tracking-widest",
      }}
      submitLabel={t("joinSubmit")}
      url="/api/classes/join"
      emptyMessage={tErrors("joinCodeRequired")}
      // A wrong code is the common case: say so in the UI's language.
      ownMessage={(error) => (error.code === "NOT_FOUND" ? tErrors("joinCodeNotFound") : undefined)}
      onDone={(_data, form) => {
        form.reset();
        router.refresh();
      }}
    />
  );
}
