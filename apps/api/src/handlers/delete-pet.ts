import { defineHandler } from '../define-handler';

/** `DELETE /pets/{petId}`: 204, or 404 if there is no such pet. */
export const handler = defineHandler('deletePet', async ({ event, pets }) => {
  await pets.deletePet(event.pathParameters?.petId);
  return { status: 204 };
});
