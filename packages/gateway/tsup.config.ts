import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig(
  packageBuild({
    commands: { cli: 'src/cli.ts' },
    // The functions' worker threads start from these plain modules (src/lambda/lambda-worker.ts
    // finds them beside itself, as dist/worker/ beside the chunks).
    copy: { 'src/lambda/worker': 'dist/worker' },
    // The proxy event's types extend @types/aws-lambda's, a dev dependency: inlined.
    inlineTypesOf: ['aws-lambda'],
  }),
);
