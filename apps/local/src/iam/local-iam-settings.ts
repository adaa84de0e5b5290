import type { Role } from '@petstore/domain/roles';
import { defaultIdentity, type IamModel, readIamModel } from '@petstore/gateway/iam';
import { templatePath } from '../config/repo-paths';
import { type LocalEndpoints, localParameters } from '../stack/template-settings';

/** The account and region the local stack pretends to be: the gateway's, and the STS's too. */
export const localIdentity = defaultIdentity;

/** The template's role for each role of the domain (infra/template.yaml). */
export const roleLogicalIds = {
  admin: 'AdminRole',
  buyer: 'BuyerRole',
} as const satisfies Record<Role, string>;

/** The template's API whose methods are `AWS_IAM`. */
export const iamApiLogicalId = 'PetsIamApi';

/**
 * The ARN of each domain role's IAM role in a template's IAM model; a template without one is
 * an error naming the missing logical id.
 *
 * @example
 * roleArnsOf(gateway.model.iam).buyer // 'arn:aws:iam::123456789012:role/BuyerRole'
 */
export function roleArnsOf(iam: IamModel): Record<Role, string> {
  const arnOf = (logicalId: string) => {
    const role = iam.roles.get(logicalId);
    if (!role) throw new Error(`infra/template.yaml has no role ${logicalId}`);
    return role.arn;
  };
  return { admin: arnOf(roleLogicalIds.admin), buyer: arnOf(roleLogicalIds.buyer) };
}

/**
 * The region and role ARNs of the local stack, read from the template with the local parameters
 * (as the running stack reads it: `template`, its `--template`), for commands run beside it.
 *
 * @example
 * const { region, roleArns } = await localIamSettings(configuredEndpoints(ports));
 */
export async function localIamSettings(
  endpoints: LocalEndpoints,
  template: string = templatePath,
): Promise<{ region: string; roleArns: Record<Role, string> }> {
  const iam = await readIamModel(template, { parameters: localParameters(endpoints) });
  return { region: localIdentity.region, roleArns: roleArnsOf(iam) };
}
