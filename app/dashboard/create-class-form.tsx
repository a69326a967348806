"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SingleFieldForm } from "@/app/dashboard/single-field-form";

export function CreateClassForm() {
  const t = useTranslations("dashboard");
  const tErrors = useTranslations("apiErrors");
  const router = useRouter();
  return (
    <SingleFieldForm<{ class: { id: string } }>
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
