import { defineHandler } from '../define-handler';

/** `GET /pets?type=&limit=&cursor=`: a page of pets, newest first. */
export const handler = defineHandler('listPets', async ({ event, pets }) => ({
  status: 200,
  body: await pets.listPets(event.queryStringParameters ?? {}),
}));
