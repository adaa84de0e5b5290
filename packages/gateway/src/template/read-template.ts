import { applyGlobals } from './apply-globals';
import { Diagnostics } from './diagnostics';
import type { RawResource } from './load-template';
import type { FunctionModel, GatewayModel } from './model';
import { openTemplate, type TemplateInputs } from './open-template';
import { readApi } from './read-api';
import { type ApiEvent, readApiEvents } from './read-api-events';
import { readFunction } from './read-function';
import { readIam } from './read-iam';
import { readUsagePlans } from './read-usage-plans';

export interface ReadTemplateOptions extends TemplateInputs {
  /** Serve only this API (logical id); default: every API that `Api` events use. */
  readonly api?: string;
  /**
   * Logical ids of resources the caller provides locally (a table it runs, the SPA it serves
   * itself): left out of the "not emulated" warning. Naming one the template lacks is an error.
   */
  readonly providedResources?: readonly string[];
}

const servedTypes = new Set([
  'AWS::Serverless::Function',
  'AWS::Serverless::Api',
  'AWS::ApiGateway::ApiKey',
  'AWS::ApiGateway::UsagePlan',
  'AWS::ApiGateway::UsagePlanKey',
]);
const quietTypes =
  /^AWS::(IAM|Logs|Lambda::Permission|CloudWatch|ApplicationInsights|ResourceGroups)/;

/**
 * Reads a SAM template into the APIs the gateway serves (every REST API its `Api` events use,
 * or only `api`), the functions they run and the IAM roles that authorize `AWS_IAM` methods.
 * Throws a `TemplateError` naming every unsupported feature that matters; lesser ones become
 * `warnings`.
 *
 * @example
 * const model = await readTemplate('infra/template.yaml', { parameters: { Stage: 'dev' } });
 * model.apis[0]?.routes.map((route) => `${route.method} ${route.path}`) // ['GET /pets', ...]
 */
export async function readTemplate(
  templatePath: string,
  options: ReadTemplateOptions = {},
): Promise<GatewayModel> {
  const { path, template, context, resources } = await openTemplate(templatePath, options);
  const { diagnostics } = context;
  if (template.Transform === undefined)
    diagnostics.warn('Transform', 'AWS::Serverless-2016-10-31 is missing');
  for (const section of Object.keys(template.Globals ?? {})) {
    if (section !== 'Function' && section !== 'Api')
      diagnostics.warn(`Globals.${section}`, 'is not emulated');
  }
  const provided = new Set(options.providedResources ?? []);
  for (const id of provided) {
    if (!resources.some(([logicalId]) => logicalId === id))
      diagnostics.error(`providedResources ${id}`, 'is not a resource of the template');
  }
  const others = resources.filter(
    ([id, r]) => !servedTypes.has(r.Type) && !quietTypes.test(r.Type) && !provided.has(id),
  );
  if (others.length > 0) {
    const list = others.map(([id, resource]) => `${id} (${resource.Type})`).join(', ');
    diagnostics.warn('Resources', `not emulated (provide what the functions use locally): ${list}`);
  }

  const functionDiagnostics = new Map<string, Diagnostics>();
  const functions = new Map<string, FunctionModel>();
  const events: ApiEvent[] = [];
  for (const [id, resource] of resources.filter(
    ([, r]) => r.Type === 'AWS::Serverless::Function',
  )) {
    const own = new Diagnostics();
    const properties = applyGlobals(resource.Properties, template.Globals?.Function);
    const ownContext = { ...context, diagnostics: own };
    functions.set(id, readFunction(id, resource, properties, ownContext));
    events.push(...readApiEvents(id, properties.Events, ownContext));
    functionDiagnostics.set(id, own);
  }

  const apiIds = chooseApis(events, options.api, resources, diagnostics);
  diagnostics.throwIfErrors(path);
  const read = apiIds.map((apiId) =>
    readApi(
      apiId,
      template.Resources[apiId],
      template.Globals?.Api,
      events.filter((e) => e.apiLogicalId === apiId),
      functions,
      context,
    ),
  );
  const plans = readUsagePlans(resources, template.Globals?.Api, read, context);
  const apis = read.map((api) => ({ ...api, usagePlans: plans.get(api.logicalId) ?? [] }));
  for (const api of apis) {
    const keyed = api.routes.filter((route) => route.apiKeyRequired);
    if (keyed.length > 0 && api.usagePlans.length === 0) {
      diagnostics.warn(
        `Api ${api.logicalId}`,
        `${keyed.length} route(s) require an API key but no usage plan holds stage ${api.stageName}: every call to them is refused (403), as on AWS`,
      );
    }
  }
  const used = new Set<string>();
  for (const api of apis) {
    for (const route of api.routes)
      if (route.integration.kind === 'lambda') used.add(route.integration.functionId);
    for (const authorizer of api.authorizers.values()) used.add(authorizer.functionId);
  }
  for (const [id, own] of functionDiagnostics) {
    if (used.has(id)) {
      diagnostics.errors.push(...own.errors);
      diagnostics.warnings.push(...own.warnings);
    } else {
      diagnostics.warn(
        `Function ${id}`,
        `is not served: no Api event on ${apiIds.join(' or ')} and not an authorizer of it`,
      );
      functions.delete(id);
    }
  }
  const local = `nodejs${process.versions.node.split('.')[0]}.x`;
  const otherRuntimes = new Set(
    [...functions.values()].map((fn) => fn.runtime).filter((r) => r !== local),
  );
  // A fact of every local run, not a problem of the template: a note, not a warning.
  const notes =
    otherRuntimes.size > 0
      ? [
          `Runtime: the functions (${[...otherRuntimes].join(', ')} on AWS) run on this machine's Node.js ${process.versions.node}`,
        ]
      : [];
  const iam = readIam(resources, context);
  diagnostics.throwIfErrors(path);
  return { apis, functions, iam, warnings: diagnostics.warnings, notes };
}

/**
 * The APIs to serve, in template order (SAM's implicit `ServerlessRestApi` first): every API
 * that `Api` events use, or only `wanted`.
 */
function chooseApis(
  events: readonly ApiEvent[],
  wanted: string | undefined,
  resources: readonly (readonly [string, RawResource])[],
  diagnostics: Diagnostics,
): string[] {
  const used = new Set(events.map((event) => event.apiLogicalId));
  const declared = resources
    .filter(([, resource]) => resource.Type === 'AWS::Serverless::Api')
    .map(([id]) => id);
  for (const id of used) {
    if (id !== 'ServerlessRestApi' && !declared.includes(id)) {
      const users = events.filter((event) => event.apiLogicalId === id).map((e) => e.functionId);
      diagnostics.error(
        `Api ${id}`,
        `is not an AWS::Serverless::Api of this template (RestApiId of ${[...new Set(users)].join(', ')})`,
      );
    }
  }
  for (const id of declared) {
    if (!used.has(id) && (wanted === undefined || wanted === id))
      diagnostics.warn(`Api ${id}`, 'has no Api events: it is not served');
  }
  const ordered = [
    ...(used.has('ServerlessRestApi') ? ['ServerlessRestApi'] : []),
    ...declared,
  ].filter((id) => used.has(id));
  if (wanted !== undefined) {
    if (!used.has(wanted)) {
      diagnostics.error(
        `Api ${wanted}`,
        `has no Api events (APIs with events: ${ordered.join(', ') || 'none'})`,
      );
    }
    return [wanted];
  }
  if (ordered.length === 0)
    diagnostics.error('Resources', 'no function has an Api event: there is nothing to serve');
  return ordered;
}
