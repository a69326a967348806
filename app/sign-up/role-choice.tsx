"use client";

import { useTranslations } from "next-intl";

const ROLES = ["instructor", "student"] as const;

/** Two large radio cards: the choice must be obvious and easy to hit on a touch screen. */
export function RoleChoice({ defaultRole, errors }: { defaultRole: "instructor" | "student"; errors?: string[] }) {
  const t = useTranslations("auth");
  const label = (role: "instructor" | "student") => (role === "instructor" ? t("roleInstructor") : t("roleStudent"));
  const hint = (role: "instructor" | "student") =>
    role === "instructor" ? t("roleInstructorHint") : t("roleStudentHint");
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors?.length ? "role-error" : undefined}>
      <legend className="mb-1.5 text-lg font-semibold text-slate-900">{t("role")}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {ROLES.map((role) => (
          <label
            key={role}
            className="flex cursor-pointer items-start gap-3 rounded-xl border-2 border-slate-300 bg-white p-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline has-[:focus-visible]:outline-4 has-[:focus-visible]:outline-amber-400"
          >
            <input
              type="radio"
              name="role"
              value={role}
              defaultChecked={role === defaultRole}
              className="mt-1.5 size-5 accent-brand-700 focus-visible:outline-none"
            />
            <span className="flex flex-col">
              <span className="text-lg font-bold text-slate-950">{label(role)}</span>
              <span className="text-base text-slate-600">{hint(role)}</span>
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id="role-error" className="text-base font-semibold text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
