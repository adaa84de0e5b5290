import { createPetStoreClient, type PetStoreClient } from '@petstore/api-contract/client';
import type { NewPet, Pet, PetType } from '@petstore/api-contract/types';
import { getAccessToken } from '@petstore/dev-idp/tokens';
import { stack } from './stack';

let admin: Promise<PetStoreClient> | undefined;

/** The typed client with the demo admin's token, for arranging a test's data through the API. */
function adminApi(): Promise<PetStoreClient> {
  admin ??= getAccessToken(stack.issuer, 'admin', { redirectUri: `${stack.webUrl}/callback` }).then(
    (token) => createPetStoreClient({ baseUrl: stack.apiUrl, getAccessToken: () => token }),
  );
  return admin;
}

/** Puts a pet up for sale through the API (as the demo admin). */
export async function createPet(pet: NewPet): Promise<Pet> {
  const { data, response } = await (await adminApi()).POST('/pets', { body: pet });
  if (!data) throw new Error(`Creating a pet failed with ${response.status}.`);
  return data;
}

/** Reads a pet through the API (as the demo admin); undefined once it is gone. */
export async function readPet(petId: string): Promise<Pet | undefined> {
  const { data } = await (await adminApi()).GET('/pets/{petId}', { params: { path: { petId } } });
  return data;
}

/**
 * Every pet of a type, read a page at a time through the API (as the demo admin).
 *
 * @example
 * const birds = await listAllPets('bird');
 */
export async function listAllPets(type: PetType): Promise<Pet[]> {
  const api = await adminApi();
  const pets: Pet[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const query = { type, limit: 100, ...(cursor ? { cursor } : {}) };
    const { data, response } = await api.GET('/pets', { params: { query } });
    if (!data) throw new Error(`Listing pets failed with ${response.status}.`);
    pets.push(...data.items);
    cursor = data.nextCursor;
    if (!cursor) return pets;
  }
  throw new Error('More than 100 pages of pets.');
}

/** Buys a pet through the API as the dev-idp's demo buyer (someone other than the page's buyer). */
export async function buyAsSomeoneElse(petId: string): Promise<void> {
  const token = await getAccessToken(stack.issuer, 'buyer', {
    redirectUri: `${stack.webUrl}/callback`,
  });
  const api = createPetStoreClient({ baseUrl: stack.apiUrl, getAccessToken: () => token });
  const { response } = await api.POST('/pets/{petId}/purchase', { params: { path: { petId } } });
  if (!response.ok) throw new Error(`Buying the pet failed with ${response.status}.`);
}

/**
 * A price no other test uses, so that a test finds its own pet in a shared store.
 *
 * @example
 * uniquePrice() // 73194.27
 */
export function uniquePrice(): number {
  const cents = 100_000 + Math.floor(Math.random() * 9_000_000);
  return cents / 100;
}
