import { createContractValidator } from '@petstore/api-contract/validate';
import { inject } from 'vitest';

/** The contract, parsed by the global setup (test/support/contract-setup.ts). */
const contract = inject('contract');
const validator = createContractValidator(contract);

/** A canned reply, as the test server sends it (`contentType` defaults to `application/json`). */
export interface CannedReply {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
}

/** A canned reply that the API contract (`openapi.yaml`) does not allow. */
export class ContractDriftError extends Error {
  constructor(
    readonly route: string,
    readonly problems: readonly string[],
  ) {
    super(`The canned reply to ${route} drifts from openapi.yaml:\n- ${problems.join('\n- ')}`);
    this.name = 'ContractDriftError';
  }
}

const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

interface Operation {
  readonly id: string;
  readonly responses: Map<string, unknown>;
}

const entriesOf = (node: unknown): Map<string, unknown> =>
  new Map(node !== null && typeof node === 'object' ? Object.entries(node) : []);

/** The contract's operation for `METHOD /path?query`, matched by path template. */
function operationOf(method: string, path: string): Operation | undefined {
  const pathname = path.split('?')[0] ?? path;
  for (const [template, item] of Object.entries(contract.paths)) {
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
    );
    if (!pattern.test(pathname)) continue;
    const operation = entriesOf(entriesOf(item).get(method.toLowerCase()));
    if (!methods.has(method.toLowerCase()) || operation.size === 0) return undefined;
    return {
      id: String(operation.get('operationId')),
      responses: entriesOf(operation.get('responses')),
    };
  }
  return undefined;
}

/**
 * What makes a canned reply to `METHOD /path` differ from the contract: an operation it does not
 * have, a status it does not document, a content type or body it does not allow for that status.
 * Empty when the reply is one the API could send.
 *
 * @example
 * replyDrift('GET /me', { status: 200, body: { subject: 's', name: 'Ada' } })
 * // ["getMe 200 application/json: / must have required property 'permissions' {...}"]
 */
export function replyDrift(route: string, reply: CannedReply): string[] {
  const [method = '', path = ''] = route.split(' ');
  const operation = operationOf(method, path);
  if (!operation) return [`the contract has no operation ${route}`];
  const status = String(reply.status);
  const response = validator.resolve(
    operation.responses.get(status) ?? operation.responses.get('default'),
  );
  if (response === undefined) {
    const documented = [...operation.responses.keys()].join(', ');
    return [`${operation.id} does not answer ${status} (documented: ${documented})`];
  }
  const content = entriesOf(entriesOf(response).get('content'));
  if (content.size === 0) {
    return reply.body === undefined ? [] : [`${operation.id} ${status} has no body`];
  }
  const contentType = reply.contentType ?? 'application/json';
  const media = content.get(contentType);
  if (media === undefined) {
    return [
      `${operation.id} ${status} is not sent as ${contentType} (documented: ${[...content.keys()].join(', ')})`,
    ];
  }
  if (reply.body === undefined) return [`${operation.id} ${status} has a body`];
  const validate = validator.compile(entriesOf(media).get('schema'));
  if (validate(reply.body)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${operation.id} ${status} ${contentType}: ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`,
  );
}

/**
 * Throws a {@link ContractDriftError} when the canned reply is not one the API could send.
 *
 * @example
 * assertReplyMatchesContract('DELETE /pets/0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a', { status: 204 });
 */
export function assertReplyMatchesContract(route: string, reply: CannedReply): void {
  const problems = replyDrift(route, reply);
  if (problems.length > 0) throw new ContractDriftError(route, problems);
}
