import { UnresolvableIntrinsicError } from '../errors';
import { ownValue } from '../own-record';
import type { Diagnostics } from './diagnostics';
import { type IntrinsicScope, resolveIntrinsics } from './intrinsics';
import type { RawResource, RawTemplate } from './load-template';
import type { LocalIdentity } from './local-identity';
import type { ParameterValue } from './read-parameters';
import { type ResourceValues, resourceValues } from './resource-values';

/**
 * The scope intrinsic functions resolve in: parameters, pseudo parameters, conditions,
 * mappings and the local `!Ref` / `!GetAtt` value of every resource, SAM's implicit ones
 * (`ServerlessRestApi`, `<Function>Role`) included.
 *
 * @example
 * const scope = createScope(template, { Stage: 'dev' }, defaultIdentity, diagnostics);
 * resolveIntrinsics({ Ref: 'Stage' }, scope) // 'dev'
 */
export function createScope(
  template: RawTemplate,
  parameters: Readonly<Record<string, ParameterValue>>,
  identity: LocalIdentity,
  diagnostics: Diagnostics,
): IntrinsicScope {
  const pseudo: Record<string, ParameterValue> = {
    'AWS::Region': identity.region,
    'AWS::AccountId': identity.accountId,
    'AWS::StackName': identity.stackName,
    'AWS::StackId': `arn:aws:cloudformation:${identity.region}:${identity.accountId}:stack/${identity.stackName}/local`,
    'AWS::Partition': 'aws',
    'AWS::URLSuffix': 'amazonaws.com',
    'AWS::NotificationARNs': [],
  };
  const resources = withImplicitResources(template.Resources);
  const values = new Map<string, ResourceValues>();
  const conditions = new Map<string, boolean>();
  const evaluating = new Set<string>();

  const scope: IntrinsicScope = {
    parameter: (name) => ownValue(parameters, name) ?? ownValue(pseudo, name),
    mappings: template.Mappings,
    resourceRef: (logicalId) => valuesOf(logicalId)?.ref,
    resourceAttribute: (logicalId, attribute) => valuesOf(logicalId)?.attribute(attribute),
    condition: (name) => {
      const known = conditions.get(name);
      if (known !== undefined) return known;
      const definition = template.Conditions ? ownValue(template.Conditions, name) : undefined;
      if (definition === undefined || evaluating.has(name)) {
        diagnostics.error(
          `Condition ${name}`,
          definition === undefined ? 'is not defined' : 'refers to itself',
        );
        return false;
      }
      evaluating.add(name);
      const value = tryResolve(definition, `Condition ${name}`) === true;
      evaluating.delete(name);
      conditions.set(name, value);
      return value;
    },
  };

  function valuesOf(logicalId: string): ResourceValues | undefined {
    const resource = resources[logicalId];
    if (!resource) return undefined;
    let found = values.get(logicalId);
    if (!found) {
      const nameOf = (property: string) => {
        const raw = resource.Properties?.[property];
        if (raw === undefined) return undefined;
        const resolved = tryResolve(raw, `${logicalId}.${property}`);
        return typeof resolved === 'string' ? resolved : undefined;
      };
      found = resourceValues(logicalId, resource, identity, nameOf);
      values.set(logicalId, found);
    }
    return found;
  }

  function tryResolve(value: unknown, where: string): unknown {
    try {
      return resolveIntrinsics(value, scope);
    } catch (error) {
      if (!(error instanceof UnresolvableIntrinsicError)) throw error;
      diagnostics.error(where, error.message);
      return undefined;
    }
  }

  return scope;
}

function withImplicitResources(declared: Record<string, RawResource>): Record<string, RawResource> {
  const all: Record<string, RawResource> = { ...declared };
  for (const [logicalId, resource] of Object.entries(declared)) {
    if (resource.Type !== 'AWS::Serverless::Function') continue;
    if (resource.Properties?.Role === undefined)
      all[`${logicalId}Role`] ??= { Type: 'AWS::IAM::Role' };
  }
  all.ServerlessRestApi ??= { Type: 'AWS::Serverless::Api' };
  return all;
}
