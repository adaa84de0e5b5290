import { loadContract } from '@petstore/api-contract/document';
import type { paths } from '@petstore/api-contract/types';
import { createContractValidator, type ValidateFunction } from '@petstore/api-contract/validate';

const contract = loadContract();
const validator = createContractValidator(contract);

/** An operation of the contract: its method and path template, e.g. `post /pets/{petId}/purchase`. */
export interface Route {
  readonly method: 'get' | 'post' | 'delete';
  readonly path: keyof paths;
}

/** What came back, as far as the contract describes it. */
export interface Answer {
  readonly status: number;
  /** The media type, without parameters (`application/json`); undefined without a body. */
  readonly mediaType: string | undefined;
  readonly body: unknown;
}

const entriesOf = (node: unknown): Map<string, unknown> =>
  new Map(node !== null && typeof node === 'object' ? Object.entries(node) : []);

const compiled = new Map<string, ValidateFunction>();

function schemaValidator(key: string, schema: unknown): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = validator.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/**
 * How an answer differs from what the contract (`openapi.yaml`) lets the operation answer: a
 * status it does not document, a media type or a body it does not allow for that status. Empty
 * when the answer is one the contract allows. The deployed API's answers are checked by the same
 * schemas as the local stack's (`@petstore/api-contract/validate`).
 *
 * @example
 * contractDrift({ method: 'get', path: '/me' }, { status: 200, mediaType: 'application/json', body: { subject: 's' } })
 * // ["getMe 200 application/json: / must have required property 'name'", ...]
 */
export function contractDrift(route: Route, answer: Answer): string[] {
  const operation = entriesOf(entriesOf(contract.paths[route.path]).get(route.method));
  const id = String(operation.get('operationId') ?? `${route.method} ${route.path}`);
  const responses = entriesOf(operation.get('responses'));
  const status = String(answer.status);
  const response = validator.resolve(responses.get(status));
  if (response === undefined) {
    return [`${id} does not answer ${status} (documented: ${[...responses.keys()].join(', ')})`];
  }
  const content = entriesOf(entriesOf(response).get('content'));
  if (content.size === 0) {
    return answer.body === undefined || answer.body === '' ? [] : [`${id} ${status} has no body`];
  }
  const mediaType = answer.mediaType ?? 'no content type';
  const media = content.get(mediaType);
  if (media === undefined) {
    return [
      `${id} ${status} is not sent as ${mediaType} (documented: ${[...content.keys()].join(', ')})`,
    ];
  }
  const validate = schemaValidator(
    `${route.method} ${route.path} ${status} ${mediaType}`,
    entriesOf(media).get('schema'),
  );
  if (validate(answer.body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${id} ${status} ${mediaType}: ${error.instancePath || '/'} ${error.message ?? ''}`,
  );
}

/**
 * How a body differs from one of the contract's component schemas (e.g. `GatewayError`, for the
 * gateway's answers to routes the contract does not have).
 *
 * @example
 * schemaDrift('GatewayError', { message: 'Missing Authentication Token' }) // []
 */
export function schemaDrift(name: string, body: unknown): string[] {
  let validate = compiled.get(name);
  if (!validate) {
    validate = validator.schema(name);
    compiled.set(name, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${name}: ${error.instancePath || '/'} ${error.message ?? ''}`,
  );
}
