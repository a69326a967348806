/** The editor's text and number inputs: large type and a strong border, readable on a projector. */
export const fieldInput = "rounded-lg border-2 border-slate-400 bg-white px-4 py-3 text-lg text-slate-900";
