import { TemplateError } from '../errors';

/**
 * Collects what the template asks for that the gateway cannot do (errors) or only in part (warnings).
 *
 * @example
 * const diagnostics = new Diagnostics();
 * diagnostics.error('Api PetsApi.DefinitionBody', 'is not supported');
 * diagnostics.throwIfErrors('template.yaml'); // TemplateError listing it
 */
export class Diagnostics {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];

  error(where: string, message: string): void {
    this.errors.push(`${where}: ${message}`);
  }

  warn(where: string, message: string): void {
    this.warnings.push(`${where}: ${message}`);
  }

  /** Throws one {@link TemplateError} listing every error collected so far. */
  throwIfErrors(templatePath: string): void {
    if (this.errors.length > 0) throw new TemplateError(templatePath, this.errors);
  }
}
