import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validates request bodies against the API's `Models` (JSON Schema; draft-04 keywords that
 * differ from later drafts are read leniently).
 *
 * @example
 * new BodyValidator({ NewPet: { type: 'object', required: ['type'] } }).isValid('NewPet', Buffer.from('{}')) // false
 */
export class BodyValidator {
  private readonly ajv = new Ajv({ strict: false, validateSchema: false, allErrors: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly models: Readonly<Record<string, unknown>>) {}

  isValid(model: string, body: Buffer): boolean {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.length === 0 ? 'null' : body.toString('utf8'));
    } catch {
      return false;
    }
    return this.validator(model)(parsed);
  }

  private validator(model: string): ValidateFunction {
    let validate = this.compiled.get(model);
    if (!validate) {
      const { $schema: _ignored, ...schema } = (this.models[model] ?? {}) as Record<
        string,
        unknown
      >;
      validate = this.ajv.compile(schema);
      this.compiled.set(model, validate);
    }
    return validate;
  }
}
