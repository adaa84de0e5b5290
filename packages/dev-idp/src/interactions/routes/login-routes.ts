import { HashingBusyError } from '../../accounts/hashing-queue';
import { demoUsersOf } from '../../accounts/seed-users';
import type { Lockout } from '../../accounts/sign-in-throttle';
import { logLine } from '../../logging/log-line';
import { clientNameOf, type InteractionRoute } from '../interaction-context';
import { loginPage } from '../pages/login-page';
import { readForm } from '../read-form';
import { sendHtml } from '../send-html';
import { expectPrompt } from './expect-prompt';

/** The message a refused sign-in shows: it never says which of the two was wrong. */
export const wrongCredentialsMessage = 'Wrong email or password.';

/** Shown when the password checks are queued up beyond their bound. */
export const busyMessage = 'Signing in is busy right now. Try again in a moment.';

/**
 * What a locked-out sign-in shows: which limit, and how long to wait (whole minutes, rounded up).
 *
 * @example
 * lockoutMessage({ scope: 'account', retryAfterSeconds: 840 })
 * // 'Too many failed sign-ins for this email address. Try again in 14 minutes.'
 */
export function lockoutMessage({ scope, retryAfterSeconds }: Lockout): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = `Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
  return scope === 'account'
    ? `Too many failed sign-ins for this email address. ${wait}`
    : `Too many failed sign-ins from your network address. ${wait}`;
}

/** POST /interaction/:uid/login: the database connection's email and password. */
export const postDatabaseLogin: InteractionRoute = async (context) => {
  const { provider, req, res, uid, accounts, throttle, log } = context;
  const form = await readForm(req);
  const details = await expectPrompt(context, 'login');
  const email = form.get('email')?.trim() ?? '';
  const password = form.get('password') ?? '';
  const address = req.socket.remoteAddress ?? 'unknown';
  const refuse = async (status: number, error: string) => {
    const clientName = await clientNameOf(provider, details.params.client_id);
    const demoUsers = demoUsersOf(accounts.seedUsers);
    sendHtml(res, status, loginPage({ uid, clientName, email, error, demoUsers }));
  };

  const attempt = throttle.begin(email, address);
  if ('scope' in attempt) {
    log(
      logLine`dev-idp: database sign-in refused (locked out by the ${attempt.scope} limit for ${attempt.retryAfterSeconds}s) for ${email} from ${address}`,
    );
    res.setHeader('retry-after', String(attempt.retryAfterSeconds));
    await refuse(429, lockoutMessage(attempt));
    return;
  }
  let account: Awaited<ReturnType<typeof accounts.verifyDatabaseLogin>>;
  try {
    account = email && password ? await accounts.verifyDatabaseLogin(email, password) : undefined;
  } catch (error) {
    if (!(error instanceof HashingBusyError)) throw error;
    log(
      logLine`dev-idp: database sign-in refused (password checks busy) for ${email} from ${address}`,
    );
    res.setHeader('retry-after', '1');
    await refuse(503, busyMessage);
    return;
  }
  if (!account) {
    log(logLine`dev-idp: database sign-in refused (wrong email or password) for ${email}`);
    await refuse(401, wrongCredentialsMessage);
    return;
  }
  throttle.succeeded(attempt);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.accountId, amr: ['pwd'] } },
    { mergeWithLastSubmission: false },
  );
};
