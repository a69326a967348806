/** A form-level error announced to screen readers as soon as it appears. */
export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <p
      role="alert"
      className="rounded-lg border-2 border-red-700 bg-red-50 px-4 py-3 text-base font-semibold text-red-800"
    >
      {message}
    </p>
  );
}
