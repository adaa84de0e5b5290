/**
 * `pnpm smoke --api <ApiUrl> --origin <SpaUrl> [options]`: checks a deployed stack behaves as
 * the local stack does, with tokens of real users from a real identity provider (given in
 * SMOKE_* variables, never printed). One line per check; exit 1 if any fails, 2 for a mistake in
 * the command line.
 */

import { exitWithMistake, readCommandLine } from '@petstore/command-line';
import { reportLine, summaryLine } from '../report';
import { runSmoke } from '../run-smoke';
import { readSmokeInputs, secretsOf, smokeCommand } from '../smoke-inputs';

const { values } = readCommandLine(smokeCommand);
const read = readSmokeInputs(values, process.env);
if (read.kind === 'mistake') exitWithMistake(smokeCommand, read.message);
const { inputs } = read;
const secrets = secretsOf(inputs);

const apis = [
  `${inputs.api} (token API)`,
  ...(inputs.iamApi ? [`${inputs.iamApi} (IAM API)`] : []),
  ...(inputs.partner ? [`${inputs.partner.url} (partner API)`] : []),
];
process.stdout.write(`Smoke check of ${apis.join(', ')}, as the SPA at ${inputs.origin}\n`);
let phase: string | undefined;
const outcomes = await runSmoke(inputs, (outcome, current) => {
  if (current !== phase) {
    phase = current;
    process.stdout.write(current === 'write' ? 'write, then clean up\n' : 'read-only\n');
  }
  process.stdout.write(`${reportLine(outcome, secrets)}\n`);
});
process.stdout.write(`${summaryLine(outcomes)}\n`);
process.exitCode = outcomes.some((outcome) => outcome.verdict === 'FAIL') ? 1 : 0;
