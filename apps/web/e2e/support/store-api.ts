import { createPetStoreClient, type PetStoreClient } from '@petstore/api-contract/client';
import type { NewPet, Pet } from '@petstore/api-contract/types';
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
