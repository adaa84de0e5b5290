import { defineHandler } from '../define-handler';
import { pets } from '../pet-service';

/** `GET /pets?type=&limit=&cursor=`: a page of pets, newest first. */
export const handler = defineHandler('listPets', async ({ event }) => ({
  status: 200,
  body: await pets.listPets(event.queryStringParameters ?? {}),
}));
