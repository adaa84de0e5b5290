import { expect, it } from 'vitest';
import { failureOf } from '../../src/api/api-failure';

const problem = (status: number, code: string, extra: object = {}) => ({
  type: 'about:blank',
  title: 'x',
  status,
  code,
  ...extra,
});

it.each([
  [401, { message: 'Unauthorized' }, { kind: 'unauthorized' }],
  [403, { Message: 'User is not authorized to access this resource' }, { kind: 'forbidden' }],
  [403, problem(403, 'FORBIDDEN'), { kind: 'forbidden' }],
  [404, problem(404, 'PET_NOT_FOUND'), { kind: 'not-found' }],
  [409, problem(409, 'PET_ALREADY_SOLD'), { kind: 'already-sold' }],
  [429, { message: 'Too Many Requests' }, { kind: 'throttled' }],
  [500, problem(500, 'INTERNAL'), { kind: 'server' }],
  [502, { message: 'Internal server error' }, { kind: 'server' }],
  [
    400,
    problem(400, 'INVALID_CURSOR', { detail: 'The cursor is not valid.' }),
    { kind: 'rejected', detail: 'The cursor is not valid.' },
  ],
  [413, 'not json', { kind: 'rejected', detail: undefined }],
])('a %i with %j is %j', (status, body, failure) => {
  // Act / Assess
  expect(failureOf(status, body)).toEqual(failure);
});

it("keeps a validation problem's field errors", () => {
  // Prepare
  const body = problem(400, 'VALIDATION_FAILED', {
    errors: [{ pointer: '/body/price', message: 'Too many decimals.' }],
  });

  // Act / Assess
  expect(failureOf(400, body)).toEqual({
    kind: 'validation',
    fields: [{ pointer: '/body/price', message: 'Too many decimals.' }],
  });
});
