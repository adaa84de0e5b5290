// @vitest-environment node
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebDevServer, type WebDevServer } from '../../src/dev-server/start-web-dev-server';

const options = {
  host: '127.0.0.1',
  apiUrl: 'http://127.0.0.1:3999',
  issuer: 'http://127.0.0.1:9999',
  clientId: 'petstore-web-test',
  audience: 'https://api.example.test',
  watch: false,
} as const;

let web: WebDevServer;
beforeAll(async () => {
  web = await startWebDevServer({ ...options, port: 0 });
}, 30_000);
afterAll(() => web.close());

it('serves the app on the port it reports', async () => {
  // Act
  const response = await fetch(`${web.url}/`);

  // Assess
  expect(web.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(response.status).toBe(200);
  expect(await response.text()).toContain('<div id="root"></div>');
});

it('answers every app path with the app, the sign-in callback included', async () => {
  // Act
  const response = await fetch(`${web.url}/callback?code=x&state=y`);

  // Assess
  expect(await response.text()).toContain('<div id="root"></div>');
});

it('injects its configuration into the app instead of reading the environment', async () => {
  // Act
  const code = await (await fetch(`${web.url}/src/main.tsx`)).text();

  // Assess
  for (const value of Object.values(options).filter((value) => typeof value === 'string')) {
    if (value !== '127.0.0.1') expect(code).toContain(value);
  }
});

it('keeps its pre-bundled dependencies in a folder of its own, removed on close', async () => {
  // Prepare
  const before = new Set(
    readdirSync(tmpdir()).filter((name) => name.startsWith('petstore-web-vite-')),
  );
  const other = await startWebDevServer({ ...options, port: 0 });
  const created = readdirSync(tmpdir()).filter(
    (name) => name.startsWith('petstore-web-vite-') && !before.has(name),
  );

  // Act
  await other.close();

  // Assess
  expect(created).toHaveLength(1);
  expect(existsSync(join(tmpdir(), created[0] ?? 'missing'))).toBe(false);
});

it('refuses a port in use rather than moving to another one', async () => {
  // Prepare
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  // Act
  const starting = startWebDevServer({ ...options, port });

  // Assess
  await expect(starting).rejects.toThrow(/in use/i);
  blocker.close();
});

it('serves the app in IAM mode with the IAM API, region, STS and role ARNs injected', async () => {
  // Prepare
  const iam = {
    apiUrl: 'http://127.0.0.1:3998',
    region: 'us-east-1',
    stsUrl: 'http://127.0.0.1:9998',
    adminRoleArn: 'arn:aws:iam::123456789012:role/AdminRole',
    buyerRoleArn: 'arn:aws:iam::123456789012:role/BuyerRole',
  };
  const iamWeb = await startWebDevServer({ ...options, port: 0, apiMode: 'iam', iam });
  try {
    // Act
    const code = await (await fetch(`${iamWeb.url}/src/main.tsx`)).text();

    // Assess
    expect(code).toContain('"VITE_API_MODE": "iam"');
    for (const value of Object.values(iam)) expect(code).toContain(value);
  } finally {
    await iamWeb.close();
  }
});

it('says the app is in token mode unless told otherwise', async () => {
  // Act
  const code = await (await fetch(`${web.url}/src/main.tsx`)).text();

  // Assess
  expect(code).toContain('"VITE_API_MODE": "token"');
});

it("refuses IAM mode without the IAM API's settings, before starting anything", async () => {
  // Act / Assess
  await expect(startWebDevServer({ ...options, port: 0, apiMode: 'iam' })).rejects.toThrow(
    /needs the iam options/,
  );
});
