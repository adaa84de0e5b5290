import { demoUsersOf } from '../../accounts/seed-users';
import { clientNameOf, type InteractionRoute } from '../interaction-context';
import { loginPage } from '../pages/login-page';
import { sendHtml } from '../send-html';
import { showConsent } from './consent-routes';
import { expectPrompt, WrongPromptError } from './expect-prompt';

/** GET /interaction/:uid: the page for the step the interaction is at (sign-in or consent). */
export const showPrompt: InteractionRoute = async (context) => {
  const details = await expectPrompt(context);
  switch (details.prompt.name) {
    case 'login': {
      const clientName = await clientNameOf(context.provider, details.params.client_id);
      const demoUsers = demoUsersOf(context.accounts.seedUsers);
      sendHtml(context.res, 200, loginPage({ uid: context.uid, clientName, demoUsers }));
      return;
    }
    case 'consent':
      await showConsent(context, details);
      return;
    default:
      throw new WrongPromptError(`unsupported prompt ${details.prompt.name}`);
  }
};

/** POST /interaction/:uid/abort: the user cancelled; the client gets `access_denied`. */
export const abortInteraction: InteractionRoute = async (context) => {
  await expectPrompt(context);
  await context.provider.interactionFinished(
    context.req,
    context.res,
    { error: 'access_denied', error_description: 'End-User aborted interaction' },
    { mergeWithLastSubmission: false },
  );
};
