import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireRequest } from '../../support/raw-http';
import { type RecordedRequests, startRecordedRequests } from './recorded-requests';

// isBase64Encoded on the request (AWS-BEHAVIOR.md Q14): the request's Content-Type, not its
// Accept, is matched against the API's BinaryMediaTypes (exact, `type/*`, `*/*`), as confirmed
// against AWS in ministackorg/ministack#767 (application/octet-stream and image/png via image/*
// base64, application/json and text/plain as text) and reported in
// aws/serverless-application-model#3794 (a listed application/json makes JSON bodies base64).
// The fixture's EdgeApi lists application/octet-stream and image/*, its RegionalApi */*.

let recorded: RecordedRequests;

beforeAll(async () => {
  recorded = await startRecordedRequests();
});
afterAll(() => recorded.fixture.close());

const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
const post = (contentType: string, body: Buffer) => {
  const request: WireRequest = {
    method: 'POST',
    target: '/stage/up',
    headers: [['Content-Type', contentType]],
    body,
  };
  return recorded.event(recorded.edgePort, request);
};

describe('Q14: binary request bodies', () => {
  it.each([
    ['application/octet-stream', 'an exact type'],
    ['image/png', 'image/* for image/png'],
    ['image/png; name=logo.png', 'a type with parameters'],
  ])('Q14: Content-Type %s (%s) arrives base64-encoded with isBase64Encoded true', async (type) => {
    // Act
    const event = await post(type, bytes);

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64')).toEqual(bytes);
  });

  it('Q14: a Content-Type not listed arrives as UTF-8 text, isBase64Encoded false, whatever the Accept', async () => {
    // Act
    const event = await recorded.event(recorded.edgePort, {
      method: 'POST',
      target: '/stage/up',
      headers: [
        ['Content-Type', 'application/json'],
        ['Accept', 'application/octet-stream'],
      ],
      body: Buffer.from('{"name":"Rex 🐕"}'),
    });

    // Assess
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('{"name":"Rex 🐕"}');
  });

  it('Q14: with */* every body with a Content-Type is base64, JSON included (serverless-application-model#3794)', async () => {
    // Act
    const event = await recorded.event(recorded.regionalPort, {
      method: 'POST',
      target: '/test/up',
      headers: [['Content-Type', 'application/json']],
      body: Buffer.from('{"message":"hello world"}'),
    });

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64').toString()).toBe('{"message":"hello world"}');
  });

  it('Q14: without a body the event has body null and isBase64Encoded false even for a binary type (recorded GETs)', async () => {
    // Act
    const event = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/up',
      headers: [['Content-Type', 'image/png']],
    });

    // Assess
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
  });

  it('Q14 (unconfirmed): without a Content-Type even */* leaves the body as text', async () => {
    // Act
    const event = await recorded.event(recorded.regionalPort, {
      method: 'POST',
      target: '/test/up',
      body: Buffer.from('plain'),
    });

    // Assess
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('plain');
  });
});
