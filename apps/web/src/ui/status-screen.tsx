/**
 * A whole-page message while something happens elsewhere (a redirect, the sign-in callback).
 *
 * @example
 * <StatusScreen text="Signing you in…" />
 */
export function StatusScreen({ text }: { text: string }) {
  return (
    <main className="centered-page">
      <p className="status-screen" role="status">
        <span className="spinner" aria-hidden="true" />
        {text}
      </p>
    </main>
  );
}
