import type { ConfigProblem } from './web-config';

/**
 * Shown instead of the app when its build-time configuration is incomplete: which variables to
 * set. (They are read when the app is built, so it must be built again after fixing them.)
 *
 * @example
 * <ConfigErrorPage problems={[{ variable: 'VITE_API_URL', message: 'is not set' }]} />
 */
export function ConfigErrorPage({ problems }: { problems: readonly ConfigProblem[] }) {
  return (
    <main className="centered-page">
      <section className="sign-in-card" aria-labelledby="config-heading">
        <h1 id="config-heading">The Pet Store is not configured</h1>
        <p>These build-time environment variables need a correct value:</p>
        <ul className="config-problems">
          {problems.map((problem) => (
            <li key={problem.variable}>
              <code>{problem.variable}</code> {problem.message}
            </li>
          ))}
        </ul>
        <p className="hint">
          Set them (for example in <code>apps/web/.env.local</code>) and build or start the app
          again.
        </p>
      </section>
    </main>
  );
}
