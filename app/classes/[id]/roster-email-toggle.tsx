"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { secondaryButton } from "@/app/_components/button-styles";

/**
 * The class page goes on the projector: student emails stay hidden until the instructor asks.
 * Cells marked `hidden group-data-[emails=shown]:table-cell` appear with the toggle.
 */
export function RosterEmailToggle({ children }: { children: ReactNode }) {
  const t = useTranslations("rosterPrivacy");
  const [shown, setShown] = useState(false);
  return (
    <div className="group flex flex-col gap-3" data-emails={shown ? "shown" : "hidden"}>
      <div>
        <button type="button" className={secondaryButton} aria-pressed={shown} onClick={() => setShown((v) => !v)}>
          {shown ? t("hideEmails") : t("showEmails")}
        </button>
      </div>
      {children}
    </div>
  );
}
