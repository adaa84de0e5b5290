import { describe, expect, it } from 'vitest';
import { extendedRequestId } from '../../src/http/read-request';

describe('extendedRequestId: x-amz-apigw-id values drawn from a pool of random bytes', () => {
  it('Q11, P9: 15 letters and digits then `=`, new for each request, past a refill of the pool', () => {
    // Act: more ids than one pool holds (256), so the pool is drawn again.
    const ids = Array.from({ length: 1_000 }, () => extendedRequestId());

    // Assess: AWS's shape (`FiV9AHvHoAMFtsg=`, koki-develop/lgtm-generator#10), never repeated.
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
