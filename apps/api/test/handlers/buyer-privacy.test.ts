import type { Pet } from '@petstore/api-contract/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as getPet } from '../../src/handlers/get-pet';
import { handler as listPets } from '../../src/handlers/list-pets';
import { handler as purchasePet } from '../../src/handlers/purchase-pet';
import { sessionOf, users } from '../support/iam-users';
import { type Answer, invoke } from '../support/invoke';
import {
  type AssumedRoleSession,
  callers,
  roleNames,
  type TokenIdentity,
} from '../support/proxy-event';
import { seedPet } from '../support/seed';

type Reader = { authorizer: TokenIdentity } | { assumedRole: AssumedRoleSession };

const get = (petId: string, reader: Reader) =>
  invoke(getPet, {
    method: 'GET',
    resource: '/pets/{petId}',
    pathParameters: { petId },
    ...reader,
  });

async function listed(petId: string, reader: Reader): Promise<Pet | undefined> {
  // The pet is of a type no other test here lists, and the newest: it is on the first page.
  const answer: Answer = await invoke(listPets, {
    method: 'GET',
    resource: '/pets',
    query: { type: 'bird', limit: '100' },
    ...reader,
  });
  expect(answer.status).toBe(200);
  return answer.json.items.find((pet: Pet) => pet.id === petId);
}

// The buyer's subject can be a hash of their email (the demo social connection's is), so who
// bought a pet is shown only to admins and to the buyer themself.
describe('who bought a pet (soldTo), on list and get, on both APIs', () => {
  let pet: Pet;
  beforeAll(async () => {
    const seeded = await seedPet('bird', 42);
    const bought = await invoke(purchasePet, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: seeded.id },
      authorizer: callers.buyer,
    });
    expect(bought.json.soldTo).toEqual({ subject: callers.buyer.sub, name: callers.buyer.name });
    pet = bought.json;
  });

  const readers: { reader: string; readerOf: () => Promise<Reader>; shown: boolean }[] = [
    {
      reader: 'an admin (token API)',
      readerOf: async () => ({ authorizer: callers.admin }),
      shown: true,
    },
    {
      reader: 'the buyer themself (token API)',
      readerOf: async () => ({ authorizer: callers.buyer }),
      shown: true,
    },
    {
      reader: 'another buyer (token API)',
      readerOf: async () => ({ authorizer: callers.otherBuyer }),
      shown: false,
    },
    {
      reader: 'a machine client (token API)',
      readerOf: async () => ({ authorizer: callers.machine }),
      shown: false,
    },
    {
      reader: 'an admin session (IAM API)',
      readerOf: async () => ({ assumedRole: await sessionOf(users.ada) }),
      shown: true,
    },
    {
      // The session name is whatever the client gave STS: it proves no user.
      reader: "a buyer session named after the buyer's subject (IAM API)",
      readerOf: async () => ({
        assumedRole: {
          roleName: roleNames.buyer,
          sessionName: callers.buyer.sub.replace('|', '=7C'),
        },
      }),
      shown: false,
    },
    {
      reader: 'another buyer session (IAM API)',
      readerOf: async () => ({ assumedRole: await sessionOf(users.cy) }),
      shown: false,
    },
  ];

  it.each(readers)('is shown to $reader: $shown', async ({ readerOf, shown }) => {
    // Prepare
    const reader = await readerOf();
    const { soldTo: _, ...withoutBuyer } = pet;
    const expected: Pet = shown ? pet : withoutBuyer;
    // Act
    const got = await get(pet.id, reader);
    const inList = await listed(pet.id, reader);
    // Assess
    expect(got.status).toBe(200);
    expect(got.json).toEqual(expected);
    expect(inList).toEqual(expected);
    if (!shown) {
      expect(got.raw.body).not.toContain(callers.buyer.sub);
      expect(got.json).toMatchObject({ isSold: true, soldAt: pet.soldAt });
      expect('soldTo' in got.json).toBe(false);
      expect(inList && 'soldTo' in inList).toBe(false);
    }
  });
});
