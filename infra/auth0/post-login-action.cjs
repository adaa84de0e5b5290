/**
 * Auth0 post-login Action for the Pet Store: grants API permissions from the kind of connection
 * the user signed in with, on the server, whatever the application asked for.
 *
 *   database connection (strategy `auth0`)          -> role admin -> read, create, delete pets
 *   social connection (amazon, google-oauth2, ...)  -> role buyer -> read, purchase pets
 *   anything else (enterprise, passwordless)        -> no permissions
 *
 * It runs inside Auth0, so it is self-contained (no require). The tables below must equal
 * `@petstore/domain/roles`; infra/auth0/test proves they do.
 *
 * Action secrets (Actions > this Action > Secrets):
 *   API_AUDIENCE     the API identifier; tokens for any other audience are left alone
 *   CLAIM_NAMESPACE  prefix of the custom claims, default `https://petstore.example.com/`
 *
 * Auth0 reserves the `permissions` claim (a custom claim of that name is silently dropped), so
 * the Action sets the token's `scope` to exactly the rule's permissions and publishes them in a
 * namespaced `permissions` claim too. See README.md for the tenant settings that go with it.
 *
 * For the IAM API, the ID token gets the role's session tag, the claim STS
 * AssumeRoleWithWebIdentity reads session tags from:
 *   "https://aws.amazon.com/tags": { "principal_tags": { "PetRole": ["admin"] } }   (or buyer)
 * Each IAM role's trust policy requires its own PetRole value, so a buyer's ID token cannot
 * assume the admin role. Users with no role get no tag, and so no role at all. The claim name,
 * key and value must equal `@petstore/domain/roles` (sessionTagsClaim, roleTagKey,
 * roleSessionTags); infra/auth0/test proves they do.
 */
'use strict';

/** Auth0 connection strategies, by kind of connection. */
const strategyKinds = {
  auth0: 'database',
  amazon: 'social',
  apple: 'social',
  facebook: 'social',
  github: 'social',
  'google-oauth2': 'social',
  linkedin: 'social',
  twitter: 'social',
  windowslive: 'social',
};

/** Kind of connection -> role (same as @petstore/domain/roles connectionRoles). */
const connectionRoles = { database: 'admin', social: 'buyer' };

/** Role -> permissions (same as @petstore/domain/roles rolePermissions). */
const rolePermissions = {
  admin: ['read:pets', 'create:pets', 'delete:pets'],
  buyer: ['read:pets', 'purchase:pets'],
};

const apiPermissions = [...new Set(Object.values(rolePermissions).flat())];

/** The ID-token claim STS takes session tags from, and the tag naming the role. */
const sessionTagsClaim = 'https://aws.amazon.com/tags';
const roleTagKey = 'PetRole';

/**
 * The session tags claim for a role (same as @petstore/domain/roles roleSessionTags).
 * @param {string} role
 * @returns {{ principal_tags: Record<string, string[]> }}
 */
function sessionTagsFor(role) {
  return { principal_tags: { [roleTagKey]: [role] } };
}

/**
 * What the rule grants to a user of a connection strategy.
 * @param {string | undefined} strategy
 * @returns {{ connection: string, role: string | undefined, permissions: string[] }}
 */
function grantFor(strategy) {
  const connection = (strategy && strategyKinds[strategy]) || 'other';
  const role = connectionRoles[connection];
  return { connection, role, permissions: role ? [...rolePermissions[role]] : [] };
}

/**
 * @param {any} event the post-login event
 * @param {any} api the post-login API
 */
exports.onExecutePostLogin = async (event, api) => {
  const { connection, role, permissions } = grantFor(event.connection?.strategy);

  // The ID token's audience is the application (the SPA's client id, which the IAM roles' trust
  // policies require), not the API: it is tagged whatever API was asked for.
  if (role) api.idToken.setCustomClaim(sessionTagsClaim, sessionTagsFor(role));

  const audience = event.secrets?.API_AUDIENCE;
  if (audience && event.resource_server?.identifier !== audience) return;
  const namespace = event.secrets?.CLAIM_NAMESPACE || 'https://petstore.example.com/';

  // Whatever the application asked for (scopes, a `role` parameter) is not taken into account:
  // API scopes beyond the rule are removed, the rule's permissions are added.
  const requested = event.transaction?.requested_scopes ?? [];
  for (const scope of requested) {
    if (apiPermissions.includes(scope) && !permissions.includes(scope)) {
      api.accessToken.removeScope(scope);
    }
  }
  for (const permission of permissions) api.accessToken.addScope(permission);

  api.accessToken.setCustomClaim(`${namespace}permissions`, permissions);
  api.accessToken.setCustomClaim(`${namespace}connection`, connection);
  api.accessToken.setCustomClaim(`${namespace}name`, event.user?.name || event.user?.email || '');
  if (event.user?.email) api.accessToken.setCustomClaim(`${namespace}email`, event.user.email);
  console.log(
    `petstore: ${event.connection?.strategy} connection -> ${role ?? 'no role'} (${permissions.join(' ') || 'no permissions'})`,
  );
};

/** The rule tables, for the test that compares them with @petstore/domain/roles. */
exports.rules = {
  strategyKinds,
  connectionRoles,
  rolePermissions,
  sessionTagsClaim,
  roleTagKey,
  sessionTagsFor,
};
