import type { Buyer } from '@petstore/domain/pets';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { defineHandler } from '../define-handler';
import type { Caller } from '../http/caller';
import { header } from '../http/header';
import { ForbiddenError } from '../http/request-errors';
import { verifyIdToken } from '../id-tokens';
import { idTokenBuyer } from '../identity/id-token-buyer';
import { pets } from '../pet-service';

/**
 * `POST /pets/{petId}/purchase`. The request body is never read, so a `soldTo` or user name sent
 * by the client has no effect. The buyer is, on the token API, the caller as the authorizer
 * identified them; on the IAM API, the user of the verified ID token in `X-Id-Token`, which must
 * be the signed caller's own (else 403 and nothing is written).
 */
export const handler = defineHandler('purchasePet', async ({ event, caller }) => ({
  status: 200,
  body: await pets.purchasePet(event.pathParameters?.petId, await buyerOf(event, caller)),
}));

async function buyerOf(event: APIGatewayProxyEvent, caller: Caller): Promise<Buyer> {
  switch (caller.via) {
    case 'token':
      return { subject: caller.subject, name: caller.name };
    case 'iam':
      return idTokenBuyer(caller, await verifyIdToken(header(event, 'x-id-token')));
    case 'none':
      throw new ForbiddenError([], caller.reason);
  }
}
