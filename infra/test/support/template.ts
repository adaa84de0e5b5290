import { fileURLToPath } from 'node:url';
import { loadTemplate, type RawTemplate } from '@petstore/gateway/load-template';
import { resolveSymbolically, type SymbolicScope } from './cfn-intrinsics';

export const templatePath = fileURLToPath(new URL('../../template.yaml', import.meta.url));

/** infra/template.yaml as CloudFormation reads it (short forms turned into long forms). */
export const template: RawTemplate = await loadTemplate(templatePath);

/** The template's resources of one type, by logical id. */
export function resourcesOfType(type: string) {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

/** Parameter values that resolve every condition the way the local stack does. */
export const sampleParameters = {
  TokenIssuer: 'https://tenant.example.com/',
  JwksUri: 'https://tenant.example.com/.well-known/jwks.json',
  Audience: 'https://api.petstore.example',
  SpaClientId: 'spa-client-id',
  AllowedOrigin: 'https://shop.example.com',
  EnableAccessLogs: 'false',
} as const;

/** The region and account the symbolic resolution deploys to. */
export const samplePseudo = {
  'AWS::Partition': 'aws',
  'AWS::Region': 'eu-west-1',
  'AWS::AccountId': '123456789012',
  'AWS::StackName': 'petstore',
} as const;

/**
 * A template value with its intrinsics resolved for {@link sampleParameters} (plus `overrides`);
 * each resource stands for its logical id (see `resolveSymbolically`).
 */
export function resolved(value: unknown, overrides: Readonly<Record<string, string>> = {}) {
  const scope: SymbolicScope = {
    template,
    parameters: { ...sampleParameters, ...overrides },
    pseudo: samplePseudo,
  };
  return resolveSymbolically(value, scope);
}

/** A resource's `Properties` (empty when it has none). */
export const propertiesOf = (id: string) => template.Resources[id]?.Properties ?? {};

interface ApiEvent {
  Type: string;
  Properties: { RestApiId?: unknown; Path: string; Method: string };
}

/** Every `Api` event of the template's functions: the function, its API's logical id, its route. */
export const apiEvents = resourcesOfType('AWS::Serverless::Function').flatMap(([id, resource]) =>
  Object.values((resource.Properties?.Events ?? {}) as Record<string, ApiEvent>)
    .filter((event) => event.Type === 'Api')
    .map((event) => ({
      id,
      api: String(resolved(event.Properties.RestApiId ?? 'ServerlessRestApi')),
      route: `${event.Properties.Method.toUpperCase()} ${event.Properties.Path}`,
    })),
);
