import type { Outcome } from './check';
import { readOnlyChecks } from './read-only-checks';
import type { SmokeInputs } from './smoke-inputs';
import { writeChecks } from './write-checks';

/**
 * Runs the smoke check: the read-only checks, then (unless `readOnly`) the write and its
 * clean-up. Each outcome goes to `report` as soon as it is known; all of them are returned.
 *
 * @example
 * const outcomes = await runSmoke(inputs, (outcome) => console.log(reportLine(outcome, secrets)));
 * process.exitCode = outcomes.some((outcome) => outcome.verdict === 'FAIL') ? 1 : 0;
 */
export async function runSmoke(
  inputs: SmokeInputs,
  report: (outcome: Outcome, phase: 'read-only' | 'write') => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const findings = await readOnlyChecks(inputs, (outcome) => {
    outcomes.push(outcome);
    report(outcome, 'read-only');
  });
  if (!inputs.readOnly) {
    await writeChecks(inputs, findings, (outcome) => {
      outcomes.push(outcome);
      report(outcome, 'write');
    });
  }
  return outcomes;
}
