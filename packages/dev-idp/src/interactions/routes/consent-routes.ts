import type { Interaction } from 'oidc-provider';
import { z } from 'zod';
import type { AccountStore } from '../../accounts/account-store';
import { grantWithinRule } from '../../provider/grant-within-rule';
import {
  limitToRule,
  permissionsForConnection,
  roleForConnection,
} from '../../rules/connection-rules';
import { clientNameOf, type InteractionRoute } from '../interaction-context';
import { consentPage } from '../pages/consent-page';
import { sendHtml } from '../send-html';
import { expectPrompt, WrongPromptError } from './expect-prompt';

const missingSchema = z.object({
  missingOIDCScope: z.array(z.string()).default([]),
  missingOIDCClaims: z.array(z.string()).default([]),
  missingResourceScopes: z.record(z.string(), z.array(z.string())).default({}),
});

function signedInAccount(accounts: AccountStore, details: Interaction) {
  const account = details.session && accounts.find(details.session.accountId);
  if (!account) throw new WrongPromptError('consent asked for an unknown account');
  return account;
}

/** Shows the consent prompt: identity scopes, and API scopes split by the role rule. */
export const showConsent = async (
  context: Parameters<InteractionRoute>[0],
  details: Interaction,
): Promise<void> => {
  const { provider, res, uid, accounts } = context;
  const account = signedInAccount(accounts, details);
  const missing = missingSchema.parse(details.prompt.details);
  const { granted, refused } = limitToRule(
    Object.values(missing.missingResourceScopes).flat(),
    permissionsForConnection(account.connection),
  );
  const page = consentPage({
    uid,
    clientName: await clientNameOf(provider, details.params.client_id),
    user: account,
    role: roleForConnection(account.connection),
    identityScopes: missing.missingOIDCScope,
    granted,
    refused,
  });
  sendHtml(res, 200, page);
};

/** POST /interaction/:uid/consent: records the grant, limited by the role rule. */
export const postConsent: InteractionRoute = async (context) => {
  const { provider, req, res, accounts } = context;
  const details = await expectPrompt(context, 'consent');
  const account = signedInAccount(accounts, details);
  const grant =
    (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
    new provider.Grant({
      accountId: account.accountId,
      clientId: String(details.params.client_id),
    });
  const missing = missingSchema.parse(details.prompt.details);
  grantWithinRule(
    grant,
    {
      identityScopes: missing.missingOIDCScope,
      claims: missing.missingOIDCClaims,
      resourceScopes: missing.missingResourceScopes,
    },
    permissionsForConnection(account.connection),
  );
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
};
