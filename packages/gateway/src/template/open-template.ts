import { dirname, resolve } from 'node:path';
import { Diagnostics } from './diagnostics';
import { loadTemplate, type RawResource, type RawTemplate } from './load-template';
import { defaultIdentity, type LocalIdentity } from './local-identity';
import { readParameters } from './read-parameters';
import type { ReadContext } from './resolve-property';
import { createScope } from './template-scope';

/** What every reader of a template is given: parameter values and the local identity. */
export interface TemplateInputs {
  readonly parameters?: Readonly<Record<string, string>>;
  readonly identity?: LocalIdentity;
}

/** A template loaded with its parameters checked and its intrinsic scope ready. */
export interface OpenedTemplate {
  /** Absolute path of the template. */
  readonly path: string;
  readonly template: RawTemplate;
  readonly identity: LocalIdentity;
  readonly context: ReadContext;
  /** The resources whose `Condition` holds (or that have none), in template order. */
  readonly resources: readonly (readonly [string, RawResource])[];
}

/**
 * Loads a template, checks the parameter values and builds the scope intrinsics resolve in:
 * the one start of `readTemplate` and `readIamModel`, so both see the same values. Throws a
 * `TemplateError` when a parameter is missing or not allowed.
 *
 * @example
 * const { resources, context } = await openTemplate('infra/template.yaml', { parameters });
 */
export async function openTemplate(
  templatePath: string,
  inputs: TemplateInputs = {},
): Promise<OpenedTemplate> {
  const path = resolve(templatePath);
  const template = await loadTemplate(path);
  const diagnostics = new Diagnostics();
  const parameters = readParameters(template, inputs.parameters ?? {}, diagnostics);
  diagnostics.throwIfErrors(path);
  const identity = inputs.identity ?? defaultIdentity;
  const scope = createScope(template, parameters, identity, diagnostics);
  const context: ReadContext = { templateDir: dirname(path), scope, diagnostics };
  const resources = Object.entries(template.Resources).filter(
    ([, resource]) => resource.Condition === undefined || scope.condition(resource.Condition),
  );
  return { path, template, identity, context, resources };
}
