import { applyGlobals } from './apply-globals';
import { Diagnostics } from './diagnostics';
import type { RawResource } from './load-template';
import type { FunctionModel, GatewayModel } from './model';
import { openTemplate, type TemplateInputs } from './open-template';
import { readApi } from './read-api';
import { type ApiEvent, readApiEvents } from './read-api-events';
import { readFunction } from './read-function';
import { readIam } from './read-iam';

export interface ReadTemplateOptions extends TemplateInputs {
  /** Logical id of the API to serve when the template has several. */
  readonly api?: string;
}

const servedTypes = new Set(['AWS::Serverless::Function', 'AWS::Serverless::Api']);
const quietTypes =
  /^AWS::(IAM|Logs|Lambda::Permission|CloudWatch|ApplicationInsights|ResourceGroups)/;

/**
 * Reads a SAM template into the API the gateway serves and the functions it runs. Throws a
 * `TemplateError` naming every unsupported feature that matters; lesser ones become `warnings`.
 *
 * @example
 * const model = await readTemplate('infra/template.yaml', { parameters: { Stage: 'dev' } });
 * model.api.routes.map((route) => `${route.method} ${route.path}`) // ['GET /pets', ...]
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
  const others = resources.filter(([, r]) => !servedTypes.has(r.Type) && !quietTypes.test(r.Type));
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

  const apiId = chooseApi(events, options.api, diagnostics);
  diagnostics.throwIfErrors(path);
  const apiResource: RawResource | undefined = template.Resources[apiId];
  const api = readApi(
    apiId,
    apiResource,
    template.Globals?.Api,
    events.filter((e) => e.apiLogicalId === apiId),
    functions,
    context,
  );
  const used = new Set(
    api.routes.flatMap((route) =>
      route.integration.kind === 'lambda' ? [route.integration.functionId] : [],
    ),
  );
  for (const authorizer of api.authorizers.values()) used.add(authorizer.functionId);
  for (const [id, own] of functionDiagnostics) {
    if (used.has(id)) {
      diagnostics.errors.push(...own.errors);
      diagnostics.warnings.push(...own.warnings);
    } else {
      diagnostics.warn(
        `Function ${id}`,
        `is not served: no Api event on ${apiId} and not its authorizer`,
      );
      functions.delete(id);
    }
  }
  const local = `nodejs${process.versions.node.split('.')[0]}.x`;
  const otherRuntimes = new Set(
    [...functions.values()].map((fn) => fn.runtime).filter((r) => r !== local),
  );
  if (otherRuntimes.size > 0) {
    diagnostics.warn(
      'Runtime',
      `${[...otherRuntimes].join(', ')} run on the local Node.js ${process.versions.node}`,
    );
  }
  const iam = readIam(resources, context);
  diagnostics.throwIfErrors(path);
  return { api, functions, iam, warnings: diagnostics.warnings };
}

function chooseApi(
  events: readonly ApiEvent[],
  wanted: string | undefined,
  diagnostics: Diagnostics,
): string {
  const apis = [...new Set(events.map((event) => event.apiLogicalId))];
  if (wanted !== undefined) {
    if (!apis.includes(wanted))
      diagnostics.error(
        `Api ${wanted}`,
        `has no Api events (APIs with events: ${apis.join(', ') || 'none'})`,
      );
    return wanted;
  }
  if (apis.length === 0)
    diagnostics.error('Resources', 'no function has an Api event: there is nothing to serve');
  if (apis.length > 1)
    diagnostics.error(
      'Resources',
      `events use several APIs (${apis.join(', ')}): choose one with the api option`,
    );
  return apis[0] ?? 'ServerlessRestApi';
}
