import { defineHandler } from '../define-handler';
import { pets } from '../pet-service';

/**
 * `POST /pets/{petId}/purchase`. The buyer is the caller as the authorizer identified them; the
 * request body is never read, so a `soldTo` or user name sent by the client has no effect.
 */
export const handler = defineHandler('purchasePet', async ({ event, caller }) => ({
  status: 200,
  body: await pets.purchasePet(event.pathParameters?.petId, {
    subject: caller.subject,
    name: caller.name,
  }),
}));
