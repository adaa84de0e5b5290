import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { handler as getPet } from '../../src/handlers/get-pet';
import { handler } from '../../src/handlers/purchase-pet';
import { invoke } from '../support/invoke';
import { callers, type TokenIdentity } from '../support/proxy-event';
import { seedPet } from '../support/seed';

const purchase = (petId: string, authorizer: TokenIdentity | null = callers.buyer, body?: string) =>
  invoke(handler, {
    method: 'POST',
    resource: '/pets/{petId}/purchase',
    pathParameters: { petId },
    authorizer,
    ...(body ? { body, headers: { 'Content-Type': 'application/json' } } : {}),
  });

describe('POST /pets/{petId}/purchase', () => {
  it('sells the pet to the caller the authorizer identified', async () => {
    // Prepare
    const pet = await seedPet();

    // Act
    const answer = await purchase(pet.id);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: pet.id,
      isSold: true,
      soldTo: { subject: 'amazon-demo|bea', name: 'Bea Buyer' },
    });
    expect(Date.parse(answer.json.soldAt)).not.toBeNaN();
  });

  it('ignores a buyer named in the body: identity comes from the authorizer only', async () => {
    // Prepare
    const pet = await seedPet();
    const forged = JSON.stringify({
      soldTo: { subject: 'victim', name: 'Victim' },
      userName: 'Victim',
    });

    // Act
    await purchase(pet.id, callers.buyer, forged);
    const stored = await invoke(getPet, {
      method: 'GET',
      resource: '/pets/{petId}',
      pathParameters: { petId: pet.id },
    });

    // Assess
    expect(stored.json.soldTo).toEqual({ subject: 'amazon-demo|bea', name: 'Bea Buyer' });
  });

  it('answers 409 PET_ALREADY_SOLD to the second buyer and keeps the first', async () => {
    // Prepare
    const pet = await seedPet();
    await purchase(pet.id, callers.buyer);

    // Act
    const second = await purchase(pet.id, callers.otherBuyer);

    // Assess
    expect(second.status).toBe(409);
    expect(second.json).toMatchObject({
      code: 'PET_ALREADY_SOLD',
      title: 'Pet no longer available',
    });
    const stored = await invoke(getPet, {
      method: 'GET',
      resource: '/pets/{petId}',
      pathParameters: { petId: pet.id },
    });
    expect(stored.json.soldTo.subject).toBe('amazon-demo|bea');
  });

  it('answers 404 PET_NOT_FOUND for a pet that does not exist', async () => {
    const answer = await purchase(randomUUID());
    expect(answer.status).toBe(404);
    expect(answer.json.code).toBe('PET_NOT_FOUND');
  });

  it('answers 400 for a malformed pet id', async () => {
    const answer = await purchase('../../etc');
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].pointer).toBe('/path/petId');
  });

  it('refuses an admin (no purchase:pets) with 403 and leaves the pet for sale', async () => {
    const pet = await seedPet();
    const answer = await purchase(pet.id, callers.admin);
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('FORBIDDEN');
    const stored = await invoke(getPet, {
      method: 'GET',
      resource: '/pets/{petId}',
      pathParameters: { petId: pet.id },
    });
    expect(stored.json.isSold).toBe(false);
  });

  it('refuses a request that did not pass an authorizer', async () => {
    const pet = await seedPet();
    const answer = await purchase(pet.id, null);
    expect(answer.status).toBe(403);
  });
});
