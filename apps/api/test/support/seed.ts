import type { Pet } from '@petstore/api-contract/types';
import { handler as createPet } from '../../src/handlers/create-pet';
import { invoke } from './invoke';

/** Creates a pet through the API as an admin would. */
export async function seedPet(type = 'cat', price = 124.99): Promise<Pet> {
  const answer = await invoke(createPet, {
    method: 'POST',
    resource: '/pets',
    body: JSON.stringify({ type, price }),
    headers: { 'Content-Type': 'application/json' },
  });
  if (answer.status !== 201) throw new Error(`seeding failed: ${JSON.stringify(answer.json)}`);
  return answer.json;
}
