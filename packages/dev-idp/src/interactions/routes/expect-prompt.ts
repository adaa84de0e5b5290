import type { Interaction } from 'oidc-provider';
import type { InteractionContext } from '../interaction-context';

/** The interaction is not at the step a form was posted for (a stale tab, a replayed post). */
export class WrongPromptError extends Error {
  override readonly name = 'WrongPromptError';
  readonly code = 'DEV_IDP_WRONG_PROMPT';
}

/**
 * The current interaction, checked to belong to the path's uid and to be at `prompt`.
 *
 * @throws {WrongPromptError} when it is at another step.
 * @example
 * const details = await expectPrompt(context, 'login');
 */
export async function expectPrompt(
  { provider, req, res, uid }: InteractionContext,
  prompt?: 'login' | 'consent',
): Promise<Interaction> {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid || (prompt !== undefined && details.prompt.name !== prompt)) {
    throw new WrongPromptError(`interaction ${uid} is not at the ${prompt ?? 'expected'} step`);
  }
  return details;
}
