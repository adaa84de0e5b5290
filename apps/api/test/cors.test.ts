import { describe, expect, it } from 'vitest';
import { handler as getMe } from '../src/handlers/get-me';
import { handler as getPet } from '../src/handlers/get-pet';
import { corsHeaders } from '../src/http/cors';
import { invoke } from './support/invoke';
import { callers } from './support/proxy-event';

describe('L6: the function adds CORS headers itself', () => {
  it('echoes an allowed origin on a success', async () => {
    const answer = await invoke(getMe, {
      method: 'GET',
      resource: '/me',
      headers: { origin: 'https://app.example.com' },
      authorizer: callers.buyer,
    });
    expect(answer.headers).toMatchObject({
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Expose-Headers': 'Location, Retry-After',
      Vary: 'Origin',
    });
  });

  it('echoes an allowed origin on an error, so the browser can read the problem', async () => {
    const answer = await invoke(getPet, {
      method: 'GET',
      resource: '/pets/{petId}',
      pathParameters: { petId: 'nope' },
      headers: { Origin: 'http://127.0.0.1:5173' },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers['Access-Control-Allow-Origin']).toBe('http://127.0.0.1:5173');
  });

  it('does not allow any other origin', async () => {
    const answer = await invoke(getMe, {
      method: 'GET',
      resource: '/me',
      headers: { Origin: 'https://evil.example' },
    });
    expect(answer.headers['Access-Control-Allow-Origin']).toBeUndefined();
    expect(answer.headers.Vary).toBe('Origin');
  });

  it('answers `*` when every origin is allowed', () => {
    expect(corsHeaders('https://any.example', ['*'])['Access-Control-Allow-Origin']).toBe('*');
  });
});
