import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as deletePet } from '../../src/handlers/delete-pet';
import { handler as getPet } from '../../src/handlers/get-pet';
import { sessionOf, users } from '../support/iam-users';
import { invoke } from '../support/invoke';
import { callers, type TokenIdentity } from '../support/proxy-event';
import { seedPet } from '../support/seed';
import { testTable } from '../support/table';

const get = (petId: string, authorizer: TokenIdentity = callers.buyer) =>
  invoke(getPet, {
    method: 'GET',
    resource: '/pets/{petId}',
    pathParameters: { petId },
    authorizer,
  });
const remove = (petId: string, authorizer: TokenIdentity = callers.admin) =>
  invoke(deletePet, {
    method: 'DELETE',
    resource: '/pets/{petId}',
    pathParameters: { petId },
    authorizer,
  });

describe('GET /pets/{petId}', () => {
  it('answers the pet', async () => {
    const pet = await seedPet('fish', 0.99);
    const answer = await get(pet.id);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(pet);
  });

  it('answers 404 PET_NOT_FOUND for an unknown id', async () => {
    const answer = await get(randomUUID());
    expect(answer.status).toBe(404);
    expect(answer.json).toMatchObject({
      code: 'PET_NOT_FOUND',
      type: 'urn:petstore:problem:pet-not-found',
    });
  });

  it('answers 400 for a malformed id', async () => {
    expect((await get('not-a-uuid')).status).toBe(400);
  });
});

describe('DELETE /pets/{petId}', () => {
  it('removes the pet and answers 204 with no body', async () => {
    // Prepare
    const pet = await seedPet();

    // Act
    const answer = await remove(pet.id);

    // Assess
    expect(answer.status).toBe(204);
    expect(answer.raw.body).toBe('');
    expect((await get(pet.id)).status).toBe(404);
  });

  it('answers 404 for a pet that does not exist (or was already removed)', async () => {
    const pet = await seedPet();
    await remove(pet.id);
    const again = await remove(pet.id);
    expect(again.status).toBe(404);
    expect(again.json.code).toBe('PET_NOT_FOUND');
  });

  it('refuses a buyer with 403 and removes nothing', async () => {
    const pet = await seedPet();
    const answer = await remove(pet.id, callers.buyer);
    expect(answer.status).toBe(403);
    expect((await testTable().items()).map((item) => item.id)).toContain(pet.id);
  });

  it("refuses a buyer's session on the IAM API with 403 and removes nothing", async () => {
    const pet = await seedPet();
    const answer = await invoke(deletePet, {
      method: 'DELETE',
      resource: '/pets/{petId}',
      pathParameters: { petId: pet.id },
      assumedRole: await sessionOf(users.bea),
    });
    expect(answer.status).toBe(403);
    expect((await testTable().items()).map((item) => item.id)).toContain(pet.id);
  });

  it("removes a pet for an admin's session on the IAM API", async () => {
    const pet = await seedPet();
    const answer = await invoke(deletePet, {
      method: 'DELETE',
      resource: '/pets/{petId}',
      pathParameters: { petId: pet.id },
      assumedRole: await sessionOf(users.ada),
    });
    expect(answer.status).toBe(204);
    expect((await get(pet.id)).status).toBe(404);
  });
});
