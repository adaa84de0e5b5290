import { logLine } from '../../logging/log-line';
import { clientNameOf, type InteractionRoute } from '../interaction-context';
import { loginPage } from '../pages/login-page';
import { readForm } from '../read-form';
import { sendHtml } from '../send-html';
import { expectPrompt } from './expect-prompt';

/** The message a refused sign-in shows: it never says which of the two was wrong. */
export const wrongCredentialsMessage = 'Wrong email or password.';

/** POST /interaction/:uid/login: the database connection's email and password. */
export const postDatabaseLogin: InteractionRoute = async (context) => {
  const { provider, req, res, uid, accounts, log } = context;
  const form = await readForm(req);
  const details = await expectPrompt(context, 'login');
  const email = form.get('email')?.trim() ?? '';
  const password = form.get('password') ?? '';
  const account =
    email && password ? await accounts.verifyDatabaseLogin(email, password) : undefined;
  if (!account) {
    log(logLine`dev-idp: database sign-in refused (wrong email or password) for ${email}`);
    const clientName = await clientNameOf(provider, details.params.client_id);
    sendHtml(res, 401, loginPage({ uid, clientName, email, error: wrongCredentialsMessage }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.accountId, amr: ['pwd'] } },
    { mergeWithLastSubmission: false },
  );
};
