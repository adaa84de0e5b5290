import { defineHandler } from '../define-handler';
import { pets } from '../pet-service';

/** `DELETE /pets/{petId}`: 204, or 404 if there is no such pet. */
export const handler = defineHandler('deletePet', async ({ event }) => {
  await pets.deletePet(event.pathParameters?.petId);
  return { status: 204 };
});
