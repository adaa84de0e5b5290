import { defineHandler } from '../define-handler';
import { jsonBody } from '../http/json-body';
import { pets } from '../pet-service';

/** `POST /pets`: puts a pet up for sale; answers 201 with the pet and its `Location`. */
export const handler = defineHandler('createPet', async ({ event }) => {
  const pet = await pets.createPet(jsonBody(event));
  const collection = (event.requestContext?.path ?? event.path).replace(/\/+$/, '');
  return { status: 201, body: pet, headers: { Location: `${collection}/${pet.id}` } };
});
