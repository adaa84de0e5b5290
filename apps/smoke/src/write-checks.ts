import type { PetStoreClient } from '@petstore/api-contract/client';
import type { Me, NewPet, Pet } from '@petstore/api-contract/types';
import { check, type Expectations, type Outcome, type Reply, skipped } from './check';
import { callerClient, replyOf } from './http';
import type { ReadOnlyFindings } from './read-only-checks';
import type { SmokeInputs } from './smoke-inputs';

/** The pet the write checks add, and remove again: the cheapest a pet can be. */
const smokePet: NewPet = { type: 'gecko', price: 0.01 };

const names = {
  add: 'admin adds a pet (POST /pets): 201, the pet',
  buy: 'buyer buys it (POST /pets/{petId}/purchase): 200, sold to the buyer',
  again: 'buyer buys it again: 200, the same sale',
  other: 'another buyer buys it: 409 PET_ALREADY_SOLD',
  adminSees: 'admin sees who bought it (GET /pets/{petId}): 200, soldTo',
  remove: 'admin removes it (DELETE /pets/{petId}): 204',
  gone: 'it is gone (GET /pets/{petId}): 404 PET_NOT_FOUND',
} as const;

/** The sale the buyer's purchase recorded: sold, to the buyer the API knows (their `/me`). */
function soldToBuyer(expect: Expectations, reply: Reply, buyer: Me | undefined) {
  const pet = reply.body as Pet;
  expect.equal('isSold', pet.isSold, true);
  if (buyer === undefined) {
    expect.that(pet.soldTo !== undefined, 'no soldTo');
  } else {
    expect.equal('soldTo', pet.soldTo, { subject: buyer.subject, name: buyer.name });
  }
}

/**
 * The write, then the clean-up, each step reported as it ends: an admin adds a pet, the buyer
 * buys it (and again: the same sale, a purchase is idempotent for its buyer), a second buyer is
 * refused (409), the admin sees the buyer and removes the pet, which is then gone. A pet that
 * was added is removed however the steps after it went (a failed step, no answer); if even that
 * fails, a FAIL line says which pet to remove by hand.
 *
 * @example
 * await writeChecks(inputs, findings, (outcome) => console.log(outcome.verdict, outcome.name));
 */
export async function writeChecks(
  inputs: SmokeInputs,
  findings: ReadOnlyFindings,
  report: (outcome: Outcome) => void,
): Promise<void> {
  const spa = { origin: inputs.origin };
  const admin = callerClient(inputs.api, inputs.tokens.admin, spa);
  const buyer = callerClient(inputs.api, inputs.tokens.buyer, spa);
  const { otherBuyer: otherToken } = inputs.tokens;

  let petId: string | undefined;
  report(
    await check(names.add, async (expect) => {
      const reply = replyOf(await admin.POST('/pets', { body: smokePet }));
      if (reply.status === 201) petId = (reply.body as Pet | undefined)?.id;
      if (!expect.status(reply, 201)) return '';
      expect.contract({ method: 'post', path: '/pets' }, reply);
      const pet = reply.body as Pet;
      expect.equal(
        'the pet',
        { type: pet.type, price: pet.price, isSold: pet.isSold },
        { ...smokePet, isSold: false },
      );
      expect.that(
        reply.headers.get('location')?.endsWith(`/pets/${pet.id}`) === true,
        `Location ${JSON.stringify(reply.headers.get('location'))}, expected the path /pets/${pet.id}`,
      );
      return `pet ${pet.id}`;
    }),
  );
  if (petId === undefined) {
    for (const name of Object.values(names).slice(1)) report(skipped(name, 'no pet was added'));
    return;
  }
  const id = petId;
  const path = { params: { path: { petId: id } } };
  let removed = false;
  try {
    let sale: Pet | undefined;
    report(
      await check(names.buy, async (expect) => {
        const reply = replyOf(await buyer.POST('/pets/{petId}/purchase', path));
        if (expect.status(reply, 200)) {
          expect.contract({ method: 'post', path: '/pets/{petId}/purchase' }, reply);
          soldToBuyer(expect, reply, findings.buyer);
          sale = reply.body as Pet;
        }
        return `sold to ${sale?.soldTo?.name} at ${sale?.soldAt}`;
      }),
    );
    report(
      await check(names.again, async (expect) => {
        const reply = replyOf(await buyer.POST('/pets/{petId}/purchase', path));
        if (expect.status(reply, 200)) {
          expect.contract({ method: 'post', path: '/pets/{petId}/purchase' }, reply);
          soldToBuyer(expect, reply, findings.buyer);
          const again = reply.body as Pet;
          if (sale !== undefined) expect.equal('soldAt', again.soldAt, sale.soldAt);
        }
        return 'the purchase is idempotent for its buyer';
      }),
    );
    if (otherToken === undefined) {
      report(skipped(names.other, 'no SMOKE_OTHER_BUYER_TOKEN'));
    } else {
      const other = callerClient(inputs.api, otherToken, spa);
      report(
        await check(names.other, async (expect) => {
          const reply = replyOf(await other.POST('/pets/{petId}/purchase', path));
          if (expect.status(reply, 409)) {
            expect.contract({ method: 'post', path: '/pets/{petId}/purchase' }, reply);
            expect.equal('code', (reply.body as { code?: unknown }).code, 'PET_ALREADY_SOLD');
          }
          return `409 ${(reply.body as { code?: unknown } | undefined)?.code}`;
        }),
      );
    }
    report(
      await check(names.adminSees, async (expect) => {
        const reply = replyOf(await admin.GET('/pets/{petId}', path));
        if (expect.status(reply, 200)) {
          expect.contract({ method: 'get', path: '/pets/{petId}' }, reply);
          soldToBuyer(expect, reply, findings.buyer);
        }
        return `sold to ${(reply.body as Pet | undefined)?.soldTo?.name}`;
      }),
    );
    report(
      await check(names.remove, async (expect) => {
        const reply = replyOf(await admin.DELETE('/pets/{petId}', path));
        removed = reply.status === 204;
        if (expect.status(reply, 204))
          expect.contract({ method: 'delete', path: '/pets/{petId}' }, reply);
        return `pet ${id} removed`;
      }),
    );
  } finally {
    if (!removed) report(await cleanUp(admin, id));
  }
  report(
    await check(names.gone, async (expect) => {
      const reply = replyOf(await admin.GET('/pets/{petId}', path));
      if (expect.status(reply, 404)) {
        expect.contract({ method: 'get', path: '/pets/{petId}' }, reply);
        expect.equal('code', (reply.body as { code?: unknown }).code, 'PET_NOT_FOUND');
      }
      return `404 ${(reply.body as { code?: unknown } | undefined)?.code}`;
    }),
  );
}

/** Removes the pet after a step failed before its removal; a FAIL names it if that fails too. */
async function cleanUp(admin: PetStoreClient, id: string): Promise<Outcome> {
  return check(`clean-up: the pet a failed step left (DELETE /pets/${id})`, async (expect) => {
    const reply = replyOf(await admin.DELETE('/pets/{petId}', { params: { path: { petId: id } } }));
    if (reply.status === 404) return `pet ${id} was already gone`;
    if (!expect.status(reply, 204)) {
      expect.problems.push(`remove pet ${id} by hand (DELETE /pets/${id} as an admin)`);
    }
    return `pet ${id} removed`;
  });
}
