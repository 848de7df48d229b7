/** The message of a form that failed as a whole; announced when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  return (
    <div role="alert" aria-live="assertive" className="min-h-0">
      {message ? <p className="rounded-md border border-danger/30 bg-danger/5 px-3 py-2 text-sm text-danger">{message}</p> : null}
    </div>
  );
}
