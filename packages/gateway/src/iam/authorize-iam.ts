import { evaluateIdentity } from '@petstore/iam-policy/request';
import type { AssumedRoleSession, CredentialStore } from '@petstore/sigv4/credentials';
import { type SignedRequest, verifySigV4 } from '@petstore/sigv4/verify';
import type { GatewayRequest } from '../http/gateway-request';
import { logText } from '../log-text';
import type { GatewayLogger } from '../logger';
import type { GatewayError } from '../responses/gateway-errors';
import type { RoleModel } from '../template/model';
import { callerContext } from './caller-context';
import { iamAccessDenied, iamConfigurationError, sigV4Error } from './iam-errors';

/** The caller of an `AWS_IAM` method once its signature and permissions are checked. */
export interface IamCaller {
  readonly session: AssumedRoleSession;
  readonly accessKeyId: string;
}

export type IamDecision =
  | { readonly allowed: true; readonly caller: IamCaller }
  | { readonly allowed: false; readonly error: GatewayError };

export interface IamAuthorizerDeps {
  readonly credentials: CredentialStore;
  /** The local identity's region: the only one a signature's scope may name. */
  readonly region: string;
  /** The template's roles by ARN. */
  readonly roles: ReadonlyMap<string, RoleModel>;
  readonly logger: GatewayLogger;
}

export interface IamTarget {
  /** The request's execute-api ARN (the TOKEN authorizer's `methodArn`). */
  readonly methodArn: string;
  /** The function's ARN when `InvokeRole` is `CALLER_CREDENTIALS` (the caller invokes it). */
  readonly callerInvokes: string | undefined;
}

/**
 * Authorizes a request to an `AWS_IAM` method as API Gateway does: the SigV4 signature over the
 * request as sent (service `execute-api`, this region, the credentials' session token and
 * expiry), then the session's role policies and session policy on `execute-api:Invoke` and the
 * method ARN, with the session's `aws:PrincipalTag/*` and other `aws:` keys; with caller
 * credentials also `lambda:InvokeFunction` on the function. Quiet answers, precise logs (never
 * a signature, key secret or token).
 *
 * @example
 * const decision = await authorizeIam(received, { methodArn, callerInvokes: undefined }, deps);
 * if (!decision.allowed) return decision.error; // 403 with AWS's x-amzn-ErrorType
 */
export async function authorizeIam(
  sent: GatewayRequest,
  target: IamTarget,
  deps: IamAuthorizerDeps,
): Promise<IamDecision> {
  const refuse = (error: GatewayError, why: string): IamDecision => {
    deps.logger.warn(`AWS_IAM ${sent.method} ${logText(sent.path)} (${sent.requestId}): ${why}`);
    return { allowed: false, error };
  };
  const verified = await verifySigV4(signedRequest(sent), {
    service: 'execute-api',
    region: deps.region,
    credentials: deps.credentials,
    now: sent.receivedAt,
  });
  if (!verified.ok) {
    const { failure } = verified;
    return refuse(sigV4Error(failure), `${failure.reason}: ${logText(failure.detail)}`);
  }
  const { session, accessKeyId } = verified.credentials;
  const caller = logText(session.assumedRoleArn);
  const denied = () => iamAccessDenied(session.assumedRoleArn, target.methodArn);
  const role = deps.roles.get(session.roleArn);
  if (!role) {
    return refuse(denied(), `${caller}: ${logText(session.roleArn)} is not a role of the template`);
  }
  const policies = { identityPolicies: role.policies, sessionPolicy: session.sessionPolicy };
  const context = callerContext(session, sent, deps.region);
  const decide = (action: string, resource: string) => {
    try {
      return evaluateIdentity(policies, { action, resource, context });
    } catch (error) {
      deps.logger.error(
        `AWS_IAM (${sent.requestId}): the policies of ${role.logicalId} cannot be evaluated: ${(error as Error).message}`,
      );
      return 'error' as const;
    }
  };

  const invoke = decide('execute-api:Invoke', target.methodArn);
  if (invoke === 'error') return { allowed: false, error: iamConfigurationError() };
  if (invoke !== 'allow') {
    const why = invoke === 'explicit-deny' ? 'an explicit Deny' : 'no Allow';
    return refuse(
      denied(),
      `${caller} denied execute-api:Invoke on ${target.methodArn} (${why} in the policies of ${role.logicalId}${session.sessionPolicy ? ' and the session policy' : ''})`,
    );
  }
  const callerInvokes = target.callerInvokes;
  const lambda =
    callerInvokes === undefined ? 'allow' : decide('lambda:InvokeFunction', callerInvokes);
  if (lambda === 'error') return { allowed: false, error: iamConfigurationError() };
  if (lambda !== 'allow') {
    return refuse(
      iamConfigurationError(),
      `Execution failed due to configuration error: ${caller} may not lambda:InvokeFunction ${target.callerInvokes} (InvokeRole is CALLER_CREDENTIALS, SAM's default: set InvokeRole: NONE or allow it)`,
    );
  }
  return { allowed: true, caller: { session, accessKeyId } };
}

/** What SigV4 signed: the method, path and query exactly as sent, every header, the body. */
function signedRequest(sent: GatewayRequest): SignedRequest {
  const headers = new Map<string, string[]>();
  for (const [name, value] of sent.headers) {
    const key = name.toLowerCase();
    const values = headers.get(key);
    if (values) values.push(value);
    else headers.set(key, [value]);
  }
  return {
    method: sent.method,
    rawPath: sent.path,
    rawQuery: sent.query,
    headers,
    body: sent.body,
  };
}
