import { defineHandler } from '../define-handler';
import { pets } from '../pet-service';

/** `GET /pets/{petId}`. */
export const handler = defineHandler('getPet', async ({ event }) => ({
  status: 200,
  body: await pets.getPet(event.pathParameters?.petId),
}));
