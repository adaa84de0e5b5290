import type { RawTemplate } from '@petstore/gateway/load-template';

/** The SPA's hosting in infra/template.yaml: the local stack serves apps/web itself (Vite). */
const spaHosting = [
  'SpaBucket',
  'SpaBucketPolicy',
  'SpaOriginAccessControl',
  'SpaSecurityHeaders',
  'SpaDistribution',
];

/**
 * The resources of a template the local stack stands in for, so the gateway does not warn that
 * they are not emulated: DynamoDB tables (dynalite, the table created at start) and the SPA's
 * hosting (the Vite dev server). Only ids the template has.
 *
 * @example
 * providedResources(await loadTemplate('infra/template.yaml')) // ['PetsTable', 'SpaBucket', ...]
 */
export function providedResources(template: RawTemplate): string[] {
  return Object.entries(template.Resources ?? {})
    .filter(([id, resource]) => resource.Type === 'AWS::DynamoDB::Table' || spaHosting.includes(id))
    .map(([id]) => id);
}
