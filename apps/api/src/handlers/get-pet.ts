import { defineHandler } from '../define-handler';

/** `GET /pets/{petId}`. */
export const handler = defineHandler('getPet', async ({ event, pets }) => ({
  status: 200,
  body: await pets.getPet(event.pathParameters?.petId),
}));
