import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { roleNames } from './proxy-event';
import { testTable } from './table';

// Each test file gets its own table, so files running in parallel cannot see each other's pets.
// Set before any handler module is imported: the handlers read their configuration at cold start.
Object.assign(process.env, {
  TABLE_NAME: `pets-${randomUUID()}`,
  DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  ALLOWED_ORIGINS: 'http://127.0.0.1:5173,https://app.example.com',
  // The template's names for the IAM API's roles (`!Ref AdminRole` gives the role's name).
  ADMIN_ROLE_NAME: roleNames.admin,
  BUYER_ROLE_NAME: roleNames.buyer,
  ID_TOKEN_ISSUER: inject('idTokenIssuer').issuer,
  ID_TOKEN_JWKS_URI: inject('idTokenIssuer').jwksUri,
  ID_TOKEN_AUDIENCE: inject('idTokenIssuer').audience,
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  // Pinned SDK, known Node 20 end of support (the README's toolchain notes); the warning is noise here.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
await testTable().create();
