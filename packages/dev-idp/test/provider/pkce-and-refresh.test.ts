import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser, type Landing } from '../../src/flows/form-browser';
import { getTokens, refreshTokens } from '../../src/flows/get-access-token';
import { nextSignInStep } from '../../src/flows/sign-in-steps';
import type { DevIdp } from '../../src/server/start-dev-idp';
import {
  authorizationRequest,
  callbackUri,
  stopAtCallback,
} from '../support/authorization-request';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;
let verifyAccessToken: Awaited<ReturnType<typeof startTestIdp>>['verifyAccessToken'];

beforeAll(async () => {
  ({ idp, verifyAccessToken } = await startTestIdp());
});
afterAll(() => idp.close());

async function codeFromSignIn(url: URL): Promise<string> {
  const browser = new FormBrowser();
  let landing: Landing = await browser.navigate(url, { stopAt: stopAtCallback });
  const signIn = { connection: 'social', name: 'Pat', email: 'pat@example.com' } as const;
  while (landing.kind === 'page')
    landing = await nextSignInStep(browser, landing, signIn, stopAtCallback);
  return new URL(landing.url).searchParams.get('code') ?? '';
}

async function redeem(code: string, codeVerifier: string) {
  return fetch(`${idp.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'petstore-web',
      code,
      code_verifier: codeVerifier,
      redirect_uri: callbackUri,
    }),
  });
}

describe('PKCE for the SPA client', () => {
  it('refuses an authorization request without a code challenge', async () => {
    // Prepare
    const { url } = await authorizationRequest(idp, { codeChallenge: false });

    // Act
    const landing = await new FormBrowser().navigate(url, { stopAt: stopAtCallback });

    // Assess
    const answer = new URL(landing.url).searchParams;
    expect(landing.kind).toBe('stopped');
    expect(answer.get('error')).toBe('invalid_request');
    expect(answer.get('error_description')).toMatch(/requires PKCE/);
    expect(answer.get('code')).toBeNull();
  });

  it('refuses the plain challenge method', async () => {
    // Prepare
    const { url } = await authorizationRequest(idp);
    url.searchParams.set('code_challenge_method', 'plain');

    // Act
    const landing = await new FormBrowser().navigate(url, { stopAt: stopAtCallback });

    // Assess
    expect(new URL(landing.url).searchParams.get('error')).toBe('invalid_request');
  });

  it('redeems a code only with the matching verifier', async () => {
    // Prepare
    const { url, codeVerifier } = await authorizationRequest(idp);
    const code = await codeFromSignIn(url);

    // Act
    const wrong = await redeem(code, oauth.generateRandomCodeVerifier());
    const second = await authorizationRequest(idp);
    const right = await redeem(await codeFromSignIn(second.url), second.codeVerifier);

    // Assess
    expect(codeVerifier).not.toBe(second.codeVerifier);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect(right.status).toBe(200);
  });
});

describe('refresh tokens', () => {
  it('give a new access token and a new refresh token, and are single-use', async () => {
    // Prepare
    const first = await getTokens(idp.issuer, 'admin');

    // Act
    const second = await refreshTokens(idp.issuer, first.refreshToken ?? '');
    const reuse = await refreshTokens(idp.issuer, first.refreshToken ?? '').catch((e) => e);

    // Assess
    const { payload } = await verifyAccessToken(second.accessToken);
    expect(payload.permissions).toEqual(['read:pets', 'create:pets', 'delete:pets']);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(reuse).toMatchObject({ error: 'invalid_grant' });
  });
});
