import { contextIdentityNames } from '../authorizer/request-authorizer-event';
import type { Diagnostics } from './diagnostics';
import type { IdentitySourceModel } from './model';

/** SAM's `Identity` lists of a REQUEST authorizer, in the order SAM writes `identitySource`. */
const sourceLists = [
  ['Headers', 'header', 'method.request.header.'],
  ['QueryStrings', 'querystring', 'method.request.querystring.'],
  ['StageVariables', 'stageVariables', 'stageVariables.'],
  ['Context', 'context', 'context.'],
] as const;

/** An HTTP header name (RFC 9110 token). */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Stage variable names: letters, digits and underscores (API Gateway's rule). */
const stageVariableName = /^[A-Za-z0-9_]+$/;

/**
 * Reads the identity sources of a SAM REQUEST authorizer (`Identity.Headers`, `QueryStrings`,
 * `StageVariables`, `Context`: lists of names, R1). Anything else in `Identity` (a TOKEN `Header`
 * or `ValidationExpression`, a misspelt list), a name that is not a list of strings, a header or
 * stage variable name that cannot exist, or a `$context` variable the local gateway does not
 * have is an error: an identity source ignored would let requests through that AWS refuses.
 * No source at all is an error unless `ReauthorizeEvery` is 0, as SAM requires.
 *
 * @example
 * readRequestIdentity({ Headers: ['Authorization'], QueryStrings: ['tenant'] }, 300, at, diagnostics)
 * // [{ location: 'header', name: 'Authorization', expression: 'method.request.header.Authorization' },
 * //  { location: 'querystring', name: 'tenant', expression: 'method.request.querystring.tenant' }]
 */
export function readRequestIdentity(
  identity: Readonly<Record<string, unknown>>,
  ttlSeconds: number,
  where: string,
  diagnostics: Diagnostics,
): IdentitySourceModel[] {
  const known = new Set<string>(['ReauthorizeEvery', ...sourceLists.map(([key]) => key)]);
  for (const key of Object.keys(identity)) {
    if (!known.has(key)) {
      diagnostics.error(
        `${where}.${key}`,
        'is not an identity of a REQUEST authorizer (Headers, QueryStrings, StageVariables, Context, ReauthorizeEvery)',
      );
    }
  }
  const sources: IdentitySourceModel[] = [];
  for (const [key, location, prefix] of sourceLists) {
    const list = identity[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.some((name) => typeof name !== 'string' || name === '')) {
      diagnostics.error(`${where}.${key}`, 'must be a list of names');
      continue;
    }
    for (const name of list as string[]) {
      const problem = nameProblem(location, name);
      if (problem) diagnostics.error(`${where}.${key}`, `${JSON.stringify(name)} ${problem}`);
      else sources.push({ location, name, expression: `${prefix}${name}` });
    }
  }
  const listed = sourceLists.some(([key]) => {
    const list = identity[key];
    return Array.isArray(list) && list.length > 0;
  });
  if (!listed && ttlSeconds > 0) {
    diagnostics.error(
      where,
      'a REQUEST authorizer must specify Identity with at least one of Headers, QueryStrings, StageVariables, or Context (or ReauthorizeEvery: 0)',
    );
  }
  return sources;
}

function nameProblem(location: IdentitySourceModel['location'], name: string): string | undefined {
  if (location === 'header' && !headerName.test(name)) return 'is not a header name';
  if (location === 'stageVariables' && !stageVariableName.test(name))
    return 'is not a stage variable name (letters, digits, underscores)';
  if (location === 'context' && !contextIdentityNames.includes(name)) {
    return `is not a $context variable the local gateway has before authorization (${contextIdentityNames.join(', ')})`;
  }
  return undefined;
}
