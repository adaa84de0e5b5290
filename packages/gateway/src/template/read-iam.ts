import type { IamModel } from './model';
import type { ReadTemplateOptions } from './read-template';

/**
 * Reads the IAM resources of a SAM template (OIDC providers, roles with their trust and identity
 * policies), intrinsics resolved with the same parameters and local identity as the gateway.
 *
 * @example
 * const iam = await readIamModel('infra/template.yaml', { parameters });
 * iam.roles.get('BuyerRole')?.arn // 'arn:aws:iam::123456789012:role/BuyerRole'
 */
export async function readIamModel(
  _templatePath: string,
  _options: Omit<ReadTemplateOptions, 'api'> = {},
): Promise<IamModel> {
  throw new Error('readIamModel: not implemented yet');
}
