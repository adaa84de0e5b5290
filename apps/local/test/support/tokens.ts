import { getAccessToken, type Persona, type SignIn } from '@petstore/dev-idp/tokens';
import type { StackProcess } from './stack-process';

/** A real access token from the stack's dev-idp, through the real flows. */
export function tokenFor(stack: StackProcess, persona: Persona, signIn?: SignIn): Promise<string> {
  return getAccessToken(stack.issuer, persona, {
    redirectUri: `${stack.webOrigin}/callback`,
    ...(signIn ? { signIn } : {}),
  });
}

/**
 * The partner API key a `--memory` stack printed in its banner (it keeps the key in memory only).
 *
 * @example
 * const key = bannerApiKey(stack); // 40 letters and digits
 */
export function bannerApiKey(stack: StackProcess): string {
  const key = /The partner API key: +([A-Za-z0-9]{40}) +\(in memory only/.exec(stack.output())?.[1];
  if (!key) throw new Error('The stack printed no partner API key in its banner');
  return key;
}
