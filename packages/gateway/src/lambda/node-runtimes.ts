// Lambda's `Runtime` values and what the Lambda API answers for the others (AWS-BEHAVIOR.md F12),
// as recorded against AWS on 2026-01-12 in LocalStack tests/aws/services/lambda_/test_lambda_api.py
// ::TestLambdaFunction::test_create_lambda_exceptions and ::TestRuntimeValidation (snapshots).

/** The Node.js runtimes CreateFunction accepts (the Node.js part of the recorded enum). */
export const nodeRuntimes = [
  'nodejs16.x',
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'nodejs24.x',
] as const;

/** Node.js runtimes Lambda once had: CreateFunction now refuses them as deprecated. */
const deprecatedNodeRuntimes = new Set([
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
]);

/** The whole enum CreateFunction accepted, in the order of AWS's message. */
const acceptedRuntimes = [
  'nodejs20.x',
  'python3.14',
  'provided.al2023',
  'python3.12',
  'python3.13',
  'nodejs24.x',
  'nodejs22.x',
  'java25',
  'python3.10',
  'python3.11',
  'java21',
  'ruby3.3',
  'ruby3.4',
  'ruby3.2',
  'python3.8',
  'python3.9',
  'java17',
  'nodejs16.x',
  'dotnet10',
  'dotnet8',
  'java11',
  'dotnet6',
  'nodejs18.x',
  'provided.al2',
  'java8.al2',
];

/**
 * Why a function's `Runtime` cannot run here, in the Lambda API's words where AWS would refuse
 * it too, or `undefined` when it is a Node.js runtime the gateway runs.
 *
 * @example
 * runtimeProblem('nodejs22.x') // undefined
 * runtimeProblem('nodejs14.x') // 'The runtime parameter of nodejs14.x is no longer supported ...'
 */
export function runtimeProblem(runtime: string): string | undefined {
  if ((nodeRuntimes as readonly string[]).includes(runtime)) return undefined;
  if (deprecatedNodeRuntimes.has(runtime) || runtime === 'go1.x' || runtime === 'provided') {
    return `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use a supported runtime while creating or updating functions.`;
  }
  if (acceptedRuntimes.includes(runtime)) {
    return `"${runtime}" is not supported locally: only the Node.js runtimes (${nodeRuntimes.join(', ')}) run here`;
  }
  return `Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: [${acceptedRuntimes.join(', ')}] or be a valid ARN`;
}

/**
 * Whether the runtime refuses callback-style handlers (three declared parameters): Node.js 24 and
 * later (F9).
 *
 * @example
 * dropsCallbackHandlers('nodejs24.x') // true
 * dropsCallbackHandlers('nodejs22.x') // false
 */
export function dropsCallbackHandlers(runtime: string): boolean {
  const major = Number(/^nodejs(\d+)\.x$/.exec(runtime)?.[1] ?? 0);
  return major >= 24;
}
