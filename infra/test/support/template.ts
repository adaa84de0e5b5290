import { fileURLToPath } from 'node:url';
import { loadTemplate, type RawTemplate } from '@petstore/gateway/load-template';

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
  AllowedOrigin: 'https://shop.example.com',
  EnableAccessLogs: 'false',
} as const;
