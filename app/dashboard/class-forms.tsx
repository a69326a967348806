"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SingleFieldForm } from "@/app/dashboard/single-field-form";

/** The part of the answer of POST /api/classes and /api/classes/join that the forms read. */
type ClassResponse = { class: { id: string } };

/** The dashboard's form: an instructor creates a class (and goes to it), a student joins one by its code. */
export function ClassForm({ mode }: { mode: "create" | "join" }) {
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("apiErrors");
  const router = useRouter();
  if (mode === "create")
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
