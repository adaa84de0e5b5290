import type { PolicyDocument } from '@petstore/iam-policy/evaluate';
import { isRecord, type RawResource } from './load-template';
import type { IamModel, OidcProviderModel, RoleModel } from './model';
import { openTemplate, type TemplateInputs } from './open-template';
import { readPolicyDocument } from './read-policy-document';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

export { oidcProviderName } from './iam-names';
export { defaultIdentity, type LocalIdentity } from './local-identity';
export type { IamModel, OidcProviderModel, RoleModel } from './model';
export type { TemplateInputs } from './open-template';

type Resources = readonly (readonly [string, RawResource])[];

const providerKeys = new Set(['Url', 'ClientIdList', 'ThumbprintList', 'Tags']);
const roleKeys = new Set([
  'AssumeRolePolicyDocument',
  'Policies',
  'ManagedPolicyArns',
  'MaxSessionDuration',
  'Path',
  'RoleName',
  'Description',
  'Tags',
  'PermissionsBoundary',
]);
const attachedKeys = new Set([
  'PolicyDocument',
  'Roles',
  'Groups',
  'Users',
  'PolicyName',
  'ManagedPolicyName',
  'Path',
  'Description',
  'RoleName',
]);

/**
 * Reads the IAM resources of a SAM template (OIDC providers, roles with their trust and identity
 * policies), intrinsics resolved with the same parameters and local identity as the gateway.
 * Throws a `TemplateError` naming each resource at fault (e.g. a trust policy that is not JSON).
 *
 * @example
 * const iam = await readIamModel('infra/template.yaml', { parameters });
 * iam.roles.get('BuyerRole')?.arn // 'arn:aws:iam::123456789012:role/BuyerRole'
 */
export async function readIamModel(
  templatePath: string,
  options: TemplateInputs = {},
): Promise<IamModel> {
  const { path, resources, context } = await openTemplate(templatePath, options);
  const iam = readIam(resources, context);
  context.diagnostics.throwIfErrors(path);
  return iam;
}

/**
 * The IAM model of an opened template; problems go to `context.diagnostics`.
 *
 * @example
 * const { resources, context } = await openTemplate(path);
 * readIam(resources, context).oidcProviders[0]?.arn // 'arn:aws:iam::123456789012:oidc-provider/...'
 */
export function readIam(resources: Resources, context: ReadContext): IamModel {
  const warningsBefore = context.diagnostics.warnings.length;
  const oidcProviders = resources
    .filter(([, resource]) => resource.Type === 'AWS::IAM::OIDCProvider')
    .flatMap(([id, resource]) => readOidcProvider(id, resource, context));

  const drafts = new Map<string, RoleDraft>();
  for (const [id, resource] of resources) {
    if (resource.Type !== 'AWS::IAM::Role') continue;
    const draft = readRole(id, resource, context);
    if (draft) drafts.set(id, draft);
  }
  attachPolicies(resources, drafts, context);

  const roles = new Map<string, RoleModel>();
  for (const [id, { role, attached }] of drafts) {
    roles.set(id, { ...role, policies: [...role.policies, ...attached.values()] });
  }
  return { oidcProviders, roles, warnings: context.diagnostics.warnings.slice(warningsBefore) };
}

function readOidcProvider(
  logicalId: string,
  resource: RawResource,
  context: ReadContext,
): OidcProviderModel[] {
  const where = `OIDCProvider ${logicalId}`;
  const properties = resource.Properties ?? {};
  warnUnknownProperties(properties, providerKeys, where, context.diagnostics);
  const url = resolveProperty(properties.Url, `${where}.Url`, context);
  if (typeof url !== 'string' || !/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(url)) {
    context.diagnostics.error(`${where}.Url`, `must be the issuer URL, not ${JSON.stringify(url)}`);
    return [];
  }
  const clientIds = resolveProperty(
    properties.ClientIdList ?? [],
    `${where}.ClientIdList`,
    context,
  );
  if (!Array.isArray(clientIds) || !clientIds.every((id) => typeof id === 'string')) {
    context.diagnostics.error(`${where}.ClientIdList`, 'must be a list of client ids');
    return [];
  }
  const arn = context.scope.resourceRef(logicalId) ?? logicalId;
  return [{ logicalId, arn, url, clientIds }];
}

interface RoleDraft {
  readonly role: RoleModel;
  /** Policies attached from elsewhere, by the logical id of the policy resource (each once). */
  readonly attached: Map<string, PolicyDocument>;
  /** `ManagedPolicyArns` that name a policy of the template. */
  readonly managedArns: readonly string[];
}

function readRole(
  logicalId: string,
  resource: RawResource,
  context: ReadContext,
): RoleDraft | undefined {
  const where = `Role ${logicalId}`;
  const { diagnostics, scope } = context;
  const properties = resource.Properties ?? {};
  warnUnknownProperties(properties, roleKeys, where, diagnostics);
  const read = (name: string) => resolveProperty(properties[name], `${where}.${name}`, context);
  if (properties.PermissionsBoundary !== undefined) {
    diagnostics.warn(
      `${where}.PermissionsBoundary`,
      'is not emulated: the role is not bounded by it locally',
    );
  }
  const path = read('Path') ?? '/';
  if (typeof path !== 'string' || !/^\/(?:[\u0021-\u007e]*\/)?$/.test(path)) {
    diagnostics.error(`${where}.Path`, `must start and end with "/", not ${JSON.stringify(path)}`);
  }
  const duration = Number(read('MaxSessionDuration') ?? 3600);
  if (!Number.isInteger(duration) || duration < 3600 || duration > 43_200) {
    diagnostics.error(
      `${where}.MaxSessionDuration`,
      'must be an integer from 3600 to 43200 seconds',
    );
  }
  const rawTrust = properties.AssumeRolePolicyDocument;
  if (rawTrust === undefined) diagnostics.error(where, 'AssumeRolePolicyDocument is required');
  const trustPolicy =
    rawTrust === undefined
      ? undefined
      : readPolicyDocument(
          read('AssumeRolePolicyDocument'),
          `${where}.AssumeRolePolicyDocument`,
          'trust',
          diagnostics,
        );
  const inline = read('Policies') ?? [];
  const policies: PolicyDocument[] = [];
  if (!Array.isArray(inline)) diagnostics.error(`${where}.Policies`, 'must be a list');
  else {
    inline.forEach((entry: unknown, index) => {
      const at = `${where}.Policies[${index}]`;
      const name = isRecord(entry) ? entry.PolicyName : undefined;
      const document = readPolicyDocument(
        isRecord(entry) ? entry.PolicyDocument : undefined,
        `${at}${typeof name === 'string' ? ` (${name})` : ''}.PolicyDocument`,
        'identity',
        diagnostics,
      );
      if (document) policies.push(document);
    });
  }
  const managed = read('ManagedPolicyArns') ?? [];
  const managedArns = Array.isArray(managed) ? managed.map(String) : [];
  if (!Array.isArray(managed)) diagnostics.error(`${where}.ManagedPolicyArns`, 'must be a list');
  const name = scope.resourceRef(logicalId);
  const arn = scope.resourceAttribute(logicalId, 'Arn');
  const roleId = scope.resourceAttribute(logicalId, 'RoleId');
  if (!trustPolicy || name === undefined || arn === undefined || roleId === undefined) return;
  return {
    role: {
      logicalId,
      name,
      arn,
      roleId,
      path: typeof path === 'string' ? path : '/',
      maxSessionDurationSeconds: duration,
      trustPolicy,
      policies,
    },
    attached: new Map(),
    managedArns,
  };
}

/**
 * Attaches to each role, after its inline policies: its `ManagedPolicyArns` that name a policy of
 * the template (in their order), then the `AWS::IAM::ManagedPolicy` / `Policy` / `RolePolicy`
 * resources that name the role in `Roles` / `RoleName` (in template order); each policy once.
 */
function attachPolicies(
  resources: Resources,
  drafts: ReadonlyMap<string, RoleDraft>,
  context: ReadContext,
): void {
  const { diagnostics } = context;
  const policies = resources.flatMap(([id, resource]) => readAttachedPolicy(id, resource, context));
  const byArn = new Map(policies.flatMap((policy) => (policy.arn ? [[policy.arn, policy]] : [])));
  for (const draft of drafts.values()) {
    for (const arn of draft.managedArns) {
      const found = byArn.get(arn);
      if (!found) {
        diagnostics.warn(
          `Role ${draft.role.logicalId}.ManagedPolicyArns`,
          `${arn} is not a policy of this template: its permissions are not granted locally`,
        );
      } else if (found.document) draft.attached.set(found.logicalId, found.document);
    }
  }
  const byName = new Map([...drafts.values()].map((draft) => [draft.role.name, draft]));
  for (const policy of policies) {
    for (const roleName of policy.roles) {
      const draft = byName.get(roleName);
      if (!draft) {
        diagnostics.warn(
          `${policy.where}.Roles`,
          `${JSON.stringify(roleName)} is not a role of this template: not attached locally`,
        );
      } else if (policy.document) draft.attached.set(policy.logicalId, policy.document);
    }
  }
}

interface AttachedPolicy {
  readonly logicalId: string;
  readonly where: string;
  /** `!Ref` of a managed policy; `undefined` for the other types. */
  readonly arn: string | undefined;
  readonly document: PolicyDocument | undefined;
  readonly roles: readonly string[];
}

const attachedTypes = new Set([
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Policy',
  'AWS::IAM::RolePolicy',
]);

function readAttachedPolicy(
  logicalId: string,
  resource: RawResource,
  context: ReadContext,
): AttachedPolicy[] {
  const type = resource.Type;
  if (!attachedTypes.has(type)) return [];
  const { diagnostics, scope } = context;
  const where = `${type.slice('AWS::IAM::'.length)} ${logicalId}`;
  const properties = resource.Properties ?? {};
  warnUnknownProperties(properties, attachedKeys, where, diagnostics);
  const document = readPolicyDocument(
    resolveProperty(properties.PolicyDocument, `${where}.PolicyDocument`, context),
    `${where}.PolicyDocument`,
    'identity',
    diagnostics,
  );
  const roles =
    type === 'AWS::IAM::RolePolicy'
      ? [resolveProperty(properties.RoleName, `${where}.RoleName`, context)]
      : resolveProperty(properties.Roles ?? [], `${where}.Roles`, context);
  if (!Array.isArray(roles)) diagnostics.error(`${where}.Roles`, 'must be a list of role names');
  return [
    {
      logicalId,
      where,
      arn: type === 'AWS::IAM::ManagedPolicy' ? scope.resourceRef(logicalId) : undefined,
      document,
      roles: Array.isArray(roles) ? roles.map(String) : [],
    },
  ];
}
