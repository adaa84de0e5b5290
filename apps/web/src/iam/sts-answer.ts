import type { AwsCredentials } from './aws-credentials';

/** STS's error answer: `ErrorResponse > Error > Code, Message`. */
export interface StsError {
  readonly code: string;
  readonly message: string;
}

function parse(xml: string): Document | undefined {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return document.getElementsByTagName('parsererror').length > 0 ? undefined : document;
}

/** The text of the first element named `name` inside `scope` (STS's elements carry no prefix). */
function textOf(scope: Document | Element | undefined, name: string): string | undefined {
  const text = scope?.getElementsByTagName(name)[0]?.textContent?.trim();
  return text ? text : undefined;
}

/**
 * The credentials of an `AssumeRoleWithWebIdentity` answer
 * (`AssumeRoleWithWebIdentityResponse > AssumeRoleWithWebIdentityResult > Credentials`), or
 * undefined when the body is not that (not XML, a field missing, an `Expiration` that is no date).
 *
 * @example
 * credentialsOf(await response.text()) // { accessKeyId: 'ASIA…', secretAccessKey, sessionToken, expiresAt: 1764600000000 }
 */
export function credentialsOf(xml: string): AwsCredentials | undefined {
  const result = parse(xml)?.getElementsByTagName('AssumeRoleWithWebIdentityResult')[0];
  const credentials = result?.getElementsByTagName('Credentials')[0];
  const accessKeyId = textOf(credentials, 'AccessKeyId');
  const secretAccessKey = textOf(credentials, 'SecretAccessKey');
  const sessionToken = textOf(credentials, 'SessionToken');
  const expiresAt = Date.parse(textOf(credentials, 'Expiration') ?? '');
  if (!accessKeyId || !secretAccessKey || !sessionToken || Number.isNaN(expiresAt)) {
    return undefined;
  }
  return { accessKeyId, secretAccessKey, sessionToken, expiresAt };
}

/**
 * The code and message of an STS error answer (`ErrorResponse > Error`), or undefined when the
 * body is not one.
 *
 * @example
 * stsErrorOf('<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error></ErrorResponse>')
 * // { code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' }
 */
export function stsErrorOf(xml: string): StsError | undefined {
  const error = parse(xml)
    ?.getElementsByTagName('ErrorResponse')[0]
    ?.getElementsByTagName('Error')[0];
  const code = textOf(error, 'Code');
  return code ? { code, message: textOf(error, 'Message') ?? '' } : undefined;
}
