import { oidcProviderName } from '@petstore/gateway/iam';
import type { VerifiedWebIdentity } from '../token/verify-web-identity-token';

/**
 * The condition keys STS gives a role's trust policy for a web identity: `HOST:aud`, `HOST:sub`,
 * `HOST:amr` (when the token has it), `aws:RequestTag/KEY` for each session tag and
 * `aws:TagKeys` (when there are tags). Other claims are not condition keys.
 *
 * @example
 * trustContext(identity).get('127.0.0.1:9000:aud') // 'petstore-web'
 */
export function trustContext(
  identity: VerifiedWebIdentity,
): ReadonlyMap<string, string | readonly string[]> {
  const host = oidcProviderName(identity.provider.url);
  const context = new Map<string, string | readonly string[]>([
    [`${host}:aud`, identity.audience],
    [`${host}:sub`, identity.subject],
  ]);
  if (identity.amr) context.set(`${host}:amr`, identity.amr);
  const tags = identity.sessionTags?.tags;
  if (tags && tags.size > 0) {
    for (const [key, value] of tags) context.set(`aws:RequestTag/${key}`, value);
    context.set('aws:TagKeys', [...tags.keys()]);
  }
  return context;
}
