import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { postPassword } from '../support/sign-in-page';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;
const lines: string[] = [];

beforeAll(async () => {
  ({ idp } = await startTestIdp({ log: (message) => lines.push(message) }));
});
afterAll(() => idp.close());

describe('the log', () => {
  it('keeps a sign-in email with line breaks on its one line, escaped', async () => {
    // Prepare
    const forged = 'eve@example.com\ndev-idp: database sign-in accepted for admin@petstore.local';

    // Act
    await postPassword(idp, forged, 'guess');

    // Assess
    const refusal = lines.find((line) => line.includes('eve@example.com'));
    expect(refusal).toBe(
      'dev-idp: database sign-in refused (wrong email or password) for "eve@example.com\\ndev-idp: database sign-in accepted for admin@petstore.local"',
    );
    expect(
      lines
        .join('\n')
        .split('\n')
        .filter((line) => line.startsWith('dev-idp: database sign-in accepted')),
    ).toEqual([]);
  });
});
