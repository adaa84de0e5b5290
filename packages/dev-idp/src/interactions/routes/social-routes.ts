import { z } from 'zod';
import type { InteractionRoute } from '../interaction-context';
import { socialPage } from '../pages/social-page';
import { readForm } from '../read-form';
import { sendHtml } from '../send-html';
import { expectPrompt } from './expect-prompt';

const profileSchema = z.object({
  name: z.string().trim().min(1, 'Enter a display name.').max(80, 'Use at most 80 characters.'),
  email: z.email('Enter an email address like name@example.com.'),
});

/** GET /interaction/:uid/amazon-demo: the simulated upstream's sign-in page. */
export const showSocialUpstream: InteractionRoute = async (context) => {
  await expectPrompt(context, 'login');
  sendHtml(context.res, 200, socialPage({ uid: context.uid }));
};

/** POST /interaction/:uid/amazon-demo: the profile the upstream shares; signs in a social user. */
export const postSocialProfile: InteractionRoute = async (context) => {
  const { provider, req, res, uid, accounts } = context;
  const form = await readForm(req);
  await expectPrompt(context, 'login');
  const name = form.get('name') ?? '';
  const email = form.get('email')?.trim() ?? '';
  const result = profileSchema.safeParse({ name, email });
  if (!result.success) {
    const errors = result.error.issues.map((issue) => issue.message);
    sendHtml(res, 400, socialPage({ uid, name, email, errors }));
    return;
  }
  const account = accounts.signInSocial(result.data);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.accountId, amr: ['fed'] } },
    { mergeWithLastSubmission: false },
  );
};
