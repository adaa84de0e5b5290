import { describe, expect, it } from 'vitest';
// The end-to-end suite's stack settings (apps/web cannot depend on this package; this one depends on it).
import { iamStackEnvironment, stack, stackEnvironment } from '../../web/e2e/support/stack';
import { readLocalConfig } from '../src/config/local-config';

const defaults = readLocalConfig({}).ports;
const e2e = readLocalConfig(stackEnvironment).ports;

describe("the end-to-end suite's stack", () => {
  it.each(Object.keys(defaults))('moves the %s port the stack reads off its default', (name) => {
    const port = e2e[name as keyof typeof e2e];
    expect(port).not.toBe(defaults[name as keyof typeof defaults]);
    // Nor onto another default port: a developer's running stack is left alone.
    expect(Object.values(defaults)).not.toContain(port);
  });

  it('gives every port a port of its own', () => {
    expect(new Set(Object.values(e2e)).size).toBe(Object.keys(e2e).length);
  });

  it('looks for the stack where the stack it starts listens', () => {
    expect(stack).toEqual({
      webUrl: `http://127.0.0.1:${e2e.web}`,
      apiUrl: `http://127.0.0.1:${e2e.api}`,
      iamApiUrl: `http://127.0.0.1:${e2e.iamApi}`,
      stsUrl: `http://127.0.0.1:${e2e.sts}`,
      issuer: `http://127.0.0.1:${e2e.idp}`,
    });
  });

  it('starts the IAM-mode stack on the same ports, its SPA in IAM mode', () => {
    const config = readLocalConfig(iamStackEnvironment);
    expect(config.ports).toEqual(e2e);
    expect(config.webApiMode).toBe('iam');
  });
});
