import { defineHandler } from '../define-handler';
import { viewerOf } from '../http/viewer';
import { pets } from '../pet-service';

/** `GET /pets/{petId}`: `soldTo` only for admins and the buyer themself. */
export const handler = defineHandler('getPet', async ({ event, caller }) => ({
  status: 200,
  body: await pets.getPet(event.pathParameters?.petId, viewerOf(caller)),
}));
