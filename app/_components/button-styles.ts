/** Shared class names so every primary action looks and focuses the same way. */
export const primaryButton =
  "inline-flex items-center justify-center rounded-lg bg-brand-700 px-5 py-3 text-lg font-bold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70";

export const secondaryButton =
  "inline-flex items-center justify-center rounded-lg border-2 border-slate-400 bg-white px-4 py-2 text-base font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-70";

export const dangerButton =
  "inline-flex items-center justify-center rounded-lg border-2 border-red-700 bg-white px-3 py-1.5 text-base font-semibold text-red-800 hover:bg-red-50 disabled:opacity-70";

export const card = "rounded-2xl border-2 border-slate-200 bg-white p-6 shadow-sm";
