import type { InvokeOutcome } from './lambda/invoke-outcome';
import type { EnvironmentOverrides } from './lambda/lambda-environment';
import { LambdaRuntime } from './lambda/lambda-runtime';
import { type GatewayLogger, withDefaults } from './logger';
import { defaultIdentity, type LocalIdentity } from './template/local-identity';
import { readTemplate } from './template/read-template';

export type { InvokeOutcome, LambdaError } from './lambda/invoke-outcome';

export interface InvokeFunctionOptions {
  readonly templatePath: string;
  /** The function's logical id in the template, e.g. `ListPetsFunction`. */
  readonly functionId: string;
  /** The event, as the function would receive it. */
  readonly event: unknown;
  readonly parameters?: Readonly<Record<string, string>>;
  /** Per-function environment overrides by logical id (`'*'`: every function). */
  readonly environment?: EnvironmentOverrides;
  readonly identity?: Partial<LocalIdentity>;
  readonly logger?: Partial<GatewayLogger>;
}

/**
 * Runs one function of a SAM template once with an event, in the same isolated execution
 * environment the gateway gives it (its own environment variables, `context`, `Timeout`), like
 * `sam local invoke` without Docker. Rejects when the template has no such function.
 *
 * @example
 * const outcome = await invokeFunction({ templatePath, functionId: 'GetMeFunction', event });
 * if (outcome.ok) console.log(JSON.parse(outcome.payload));
 */
export async function invokeFunction(options: InvokeFunctionOptions): Promise<InvokeOutcome> {
  const identity: LocalIdentity = { ...defaultIdentity, ...options.identity };
  const model = await readTemplate(options.templatePath, {
    identity,
    ...(options.parameters ? { parameters: options.parameters } : {}),
  });
  const fn = model.functions.get(options.functionId);
  if (!fn) {
    const known = [...model.functions.keys()].join(', ');
    throw new Error(`The template has no function ${options.functionId}; it has ${known}.`);
  }
  const runtime = await LambdaRuntime.start(new Map([[fn.logicalId, fn]]), {
    identity,
    overrides: options.environment ?? {},
    maxConcurrency: 1,
    watch: false,
    logger: withDefaults(options.logger),
  });
  try {
    return await runtime.invoke(fn.logicalId, options.event);
  } finally {
    await runtime.close();
  }
}
