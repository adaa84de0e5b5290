import { getAccessToken, type Persona, type SignIn } from '@petstore/dev-idp/tokens';
import type { StackProcess } from './stack-process';

/** A real access token from the stack's dev-idp, through the real flows. */
export function tokenFor(stack: StackProcess, persona: Persona, signIn?: SignIn): Promise<string> {
  return getAccessToken(stack.issuer, persona, {
    redirectUri: `${stack.webOrigin}/callback`,
    ...(signIn ? { signIn } : {}),
  });
}
