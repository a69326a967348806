"use client";

import { useRef, useState, type ReactNode } from "react";
import { dangerButton, primaryButton, secondaryButton } from "@/app/_components/button-styles";

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  triggerLabel: string;
  triggerClassName?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** Shown on the confirm button while onConfirm runs. */
  pendingLabel: string;
  /** Red confirm button for what cannot be undone. */
  destructive?: boolean;
  disabled?: boolean;
  /** Resolves when done; the dialog then closes. Errors are the caller's to show. */
  onConfirm: () => Promise<void>;
}

/**
 * "Are you sure?" before an action that is hard to undo. The native <dialog> opened with
 * showModal() traps focus, closes on Escape and makes the rest of the page inert, so keyboard and
 * screen-reader users get the same modal as everyone else; Cancel has the initial focus.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const titleId = useRef(`confirm-${Math.random().toString(36).slice(2)}`).current;

  async function confirm() {
    setPending(true);
    try {
      await props.onConfirm();
    } finally {
      setPending(false);
      dialog.current?.close();
    }
  }

  return (
    <>
      <button
        type="button"
        className={props.triggerClassName ?? (props.destructive ? dangerButton : secondaryButton)}
        disabled={props.disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {props.triggerLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-2xl border-2 border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/50"
        onCancel={(event) => pending && event.preventDefault()}
      >
        <div className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-2xl font-extrabold text-slate-950">
            {props.title}
          </h2>
          <div className="text-lg text-slate-700">{props.children}</div>
          <div className="flex flex-wrap justify-end gap-3">
            <button
              type="button"
              className={secondaryButton}
              autoFocus
              disabled={pending}
              onClick={() => dialog.current?.close()}
            >
              {props.cancelLabel}
            </button>
            <button
              type="button"
              className={props.destructive ? `${primaryButton} bg-red-700 hover:bg-red-800` : primaryButton}
              disabled={pending}
              onClick={() => void confirm()}
            >
              {pending ? props.pendingLabel : props.confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
