import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { errors } from 'oidc-provider';
import type { AccountStore } from '../accounts/account-store';
import type { SignInThrottle } from '../accounts/sign-in-throttle';
import { logLine } from '../logging/log-line';
import type { InteractionRoute } from './interaction-context';
import { messagePage } from './pages/message-page';
import { FormBodyError } from './read-form';
import { postConsent } from './routes/consent-routes';
import { WrongPromptError } from './routes/expect-prompt';
import { postDatabaseLogin } from './routes/login-routes';
import { abortInteraction, showPrompt } from './routes/show-prompt';
import { postSocialProfile, showSocialUpstream } from './routes/social-routes';
import { sendHtml } from './send-html';

/** Keyed by `<method> <step>`: both come from the request, so a Map, never a plain object. */
const routes: ReadonlyMap<string, InteractionRoute> = new Map([
  ['GET ', showPrompt],
  ['POST login', postDatabaseLogin],
  ['GET amazon-demo', showSocialUpstream],
  ['POST amazon-demo', postSocialProfile],
  ['POST consent', postConsent],
  ['POST abort', abortInteraction],
]);

const interactionPath = /^\/interaction\/([\w-]+)(?:\/([a-z-]+))?$/;

const expired = () =>
  messagePage(
    'Sign-in expired',
    'This sign-in has expired or was started in another browser. Go back to the application and sign in again.',
  );

/**
 * Handles the interaction pages (sign-in, the social demo, consent) under `/interaction/:uid`.
 * Returns `false` for any other path, for oidc-provider to handle.
 *
 * @example
 * const handle = createInteractionHandler({ accounts, throttle, log: console.log });
 * if (!(await handle(provider, req, res))) provider.callback()(req, res);
 */
export function createInteractionHandler(parts: {
  readonly accounts: AccountStore;
  readonly throttle: SignInThrottle;
  readonly log: (message: string) => void;
}) {
  const { accounts, throttle, log } = parts;
  return async (
    provider: Provider,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://dev-idp.invalid');
    const match = interactionPath.exec(pathname);
    if (!match?.[1]) return false;
    const route = routes.get(`${req.method} ${match[2] ?? ''}`);
    if (!route) {
      sendHtml(res, 404, messagePage('Not found', 'There is no such page.'));
      return true;
    }
    try {
      await route({ provider, req, res, uid: match[1], accounts, throttle, log });
    } catch (error) {
      if (error instanceof errors.SessionNotFound || error instanceof WrongPromptError) {
        log(logLine`dev-idp: interaction ${match[1]} refused: ${error.message}`);
        sendHtml(res, 400, expired());
      } else if (error instanceof FormBodyError) {
        sendHtml(res, error.status, messagePage('Form not accepted', error.message));
      } else {
        log(logLine`dev-idp: interaction ${match[1]} failed: ${error}`);
        if (!res.headersSent) sendHtml(res, 500, messagePage('Something went wrong', 'Try again.'));
      }
    }
    return true;
  };
}
