import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('configuration, validated at cold start', () => {
  it('names a missing TABLE_NAME', () => {
    expect(() => loadConfig({})).toThrow(/TABLE_NAME/);
  });

  it('names a bad ALLOWED_ORIGINS entry', () => {
    expect(() =>
      loadConfig({ TABLE_NAME: 'pets', ALLOWED_ORIGINS: 'http://ok.example,not a url' }),
    ).toThrow(/ALLOWED_ORIGINS/);
    expect(() =>
      loadConfig({ TABLE_NAME: 'pets', ALLOWED_ORIGINS: 'https://app.example/path' }),
    ).toThrow(/ALLOWED_ORIGINS/);
  });

  it('names a bad DYNAMODB_ENDPOINT', () => {
    expect(() => loadConfig({ TABLE_NAME: 'pets', DYNAMODB_ENDPOINT: 'localhost' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
  });

  it('reads a valid environment', () => {
    expect(
      loadConfig({
        TABLE_NAME: 'pets',
        ALLOWED_ORIGINS: ' http://127.0.0.1:5173 , https://app.example ',
        AWS_REGION: 'eu-west-1',
      }),
    ).toEqual({
      tableName: 'pets',
      allowedOrigins: ['http://127.0.0.1:5173', 'https://app.example'],
      region: 'eu-west-1',
    });
  });
});
