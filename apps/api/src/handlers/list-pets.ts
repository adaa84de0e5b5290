import { defineHandler } from '../define-handler';
import { viewerOf } from '../http/viewer';
import { pets } from '../pet-service';

/**
 * `GET /pets?type=&limit=&cursor=`: a page of pets, newest first; `soldTo` only for admins and
 * the buyer themself.
 */
export const handler = defineHandler('listPets', async ({ event, caller }) => ({
  status: 200,
  body: await pets.listPets(event.queryStringParameters ?? {}, viewerOf(caller)),
}));
