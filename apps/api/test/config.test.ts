import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { loadTableConfig } from '../src/table-config';

describe('configuration, validated at cold start', () => {
  it('names a missing TABLE_NAME (handlers that use the table)', () => {
    expect(() => loadTableConfig({})).toThrow(/TABLE_NAME/);
  });

  it('names a bad DYNAMODB_ENDPOINT', () => {
    expect(() => loadTableConfig({ TABLE_NAME: 'pets', DYNAMODB_ENDPOINT: 'localhost' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
  });

  it('names a bad ALLOWED_ORIGINS entry', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'http://ok.example,not a url' })).toThrow(
      /ALLOWED_ORIGINS/,
    );
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://app.example/path' })).toThrow(
      /ALLOWED_ORIGINS/,
    );
  });

  it('reads a valid environment', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: ' http://127.0.0.1:5173 , https://app.example ' }),
    ).toEqual({
      allowedOrigins: ['http://127.0.0.1:5173', 'https://app.example'],
    });
    expect(loadTableConfig({ TABLE_NAME: 'pets', AWS_REGION: 'eu-west-1' })).toEqual({
      tableName: 'pets',
      region: 'eu-west-1',
    });
  });

  it('needs no table for a handler that does not use one', () => {
    expect(loadConfig({})).toEqual({ allowedOrigins: [] });
  });
});
