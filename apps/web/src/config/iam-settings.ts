import type { Role } from '@petstore/domain/roles';
import { type EnvReader, httpUrl } from './read-env';

/** What IAM mode needs besides the IAM API's URL: where STS is and which roles to ask it for. */
export interface IamSettings {
  /** The region the API is in: the signature's credential scope (`execute-api`). */
  readonly region: string;
  /** The STS endpoint that answers `AssumeRoleWithWebIdentity`, without a trailing slash. */
  readonly stsUrl: string;
  /** The IAM role to assume for each role the ID token's session tag can name. */
  readonly roleArns: ReadonlyMap<Role, string>;
}

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const roleArnPattern = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

const region = (value: string) =>
  regionPattern.test(value) ? undefined : 'is not an AWS region name (like eu-west-1)';
const roleArn = (value: string) =>
  roleArnPattern.test(value)
    ? undefined
    : 'is not an IAM role ARN (like arn:aws:iam::123456789012:role/NAME)';

/**
 * The regional STS endpoint of an AWS region: `https://sts.REGION.amazonaws.com`, and
 * `.amazonaws.com.cn` in the China regions.
 *
 * @example
 * regionalStsUrl('eu-west-1') // 'https://sts.eu-west-1.amazonaws.com'
 */
export function regionalStsUrl(regionName: string): string {
  const suffix = regionName.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sts.${regionName}.${suffix}`;
}

/**
 * Reads IAM mode's variables: `VITE_AWS_REGION`, `VITE_STS_URL` (optional: the region's own STS
 * endpoint), `VITE_ADMIN_ROLE_ARN` and `VITE_BUYER_ROLE_ARN`. Problems go to the reader's list.
 *
 * @example
 * const reader = envReader(import.meta.env);
 * const iam = readIamSettings(reader); // { region: 'eu-west-1', stsUrl: 'https://sts.eu-west-1.amazonaws.com', roleArns }
 */
export function readIamSettings(reader: EnvReader): IamSettings {
  const regionName = reader.read('VITE_AWS_REGION', region);
  const stsUrl = reader.optional('VITE_STS_URL', regionalStsUrl(regionName), httpUrl);
  const roleArns = new Map<Role, string>([
    ['admin', reader.read('VITE_ADMIN_ROLE_ARN', roleArn)],
    ['buyer', reader.read('VITE_BUYER_ROLE_ARN', roleArn)],
  ]);
  return { region: regionName, stsUrl: stsUrl.replace(/\/+$/, ''), roleArns };
}
