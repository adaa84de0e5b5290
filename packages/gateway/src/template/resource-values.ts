import { ownValue } from '../own-record';
import { localRoleId, managedPolicyArn, oidcProviderArn, roleArn } from './iam-names';
import type { RawResource } from './load-template';
import { type LocalIdentity, localApiId } from './local-identity';

/** What `!Ref` and `!GetAtt` give for one resource, locally. */
export interface ResourceValues {
  readonly ref: string;
  readonly attribute: (name: string) => string | undefined;
}

/**
 * Local values for `!Ref` / `!GetAtt` on a resource: names from the name property when it has
 * one (already resolved by `nameOf`), else the logical id; ARNs built from the local identity.
 * The IAM model (`readIamModel`) takes its role names, ARNs and ids from here too.
 *
 * @example
 * resourceValues('PetsTable', table, identity, nameOf).attribute('Arn')
 * // 'arn:aws:dynamodb:us-east-1:123456789012:table/PetsTable'
 */
export function resourceValues(
  logicalId: string,
  resource: RawResource,
  identity: LocalIdentity,
  nameOf: (property: string) => string | undefined,
): ResourceValues {
  const { region, accountId } = identity;
  const arn = (service: string, rest: string) =>
    `arn:aws:${service}:${region}:${accountId}:${rest}`;
  switch (resource.Type) {
    case 'AWS::Serverless::Function':
    case 'AWS::Lambda::Function': {
      const name = nameOf('FunctionName') ?? logicalId;
      return withAttributes(name, { Arn: arn('lambda', `function:${name}`) });
    }
    case 'AWS::Serverless::Api':
    case 'AWS::ApiGateway::RestApi':
      return withAttributes(localApiId(logicalId), { RootResourceId: 'root' });
    case 'AWS::ApiGateway::ApiKey':
      // An API key's `!Ref` is its id: the same one `requestContext.identity.apiKeyId` holds.
      return withAttributes(localApiId(logicalId), { APIKeyId: localApiId(logicalId) });
    case 'AWS::DynamoDB::Table':
    case 'AWS::Serverless::SimpleTable': {
      const name = nameOf('TableName') ?? logicalId;
      const tableArn = arn('dynamodb', `table/${name}`);
      return withAttributes(name, { Arn: tableArn, StreamArn: `${tableArn}/stream/local` });
    }
    case 'AWS::SQS::Queue': {
      const name = nameOf('QueueName') ?? logicalId;
      const url = `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;
      return withAttributes(url, { Arn: arn('sqs', name), QueueName: name, QueueUrl: url });
    }
    case 'AWS::SNS::Topic': {
      const name = nameOf('TopicName') ?? logicalId;
      const topicArn = arn('sns', name);
      return withAttributes(topicArn, { TopicArn: topicArn, TopicName: name });
    }
    case 'AWS::IAM::Role': {
      const name = nameOf('RoleName') ?? logicalId;
      const path = nameOf('Path') ?? '/';
      return withAttributes(name, {
        Arn: roleArn(accountId, path, name),
        RoleId: localRoleId(logicalId),
      });
    }
    case 'AWS::IAM::ManagedPolicy': {
      const name = nameOf('ManagedPolicyName') ?? logicalId;
      const policyArn = managedPolicyArn(accountId, nameOf('Path') ?? '/', name);
      return withAttributes(policyArn, { PolicyArn: policyArn });
    }
    case 'AWS::IAM::OIDCProvider': {
      const url = nameOf('Url');
      const providerArn = url === undefined ? logicalId : oidcProviderArn(accountId, url);
      return withAttributes(providerArn, { Arn: providerArn });
    }
    default: {
      const service = resource.Type.split('::')[1]?.toLowerCase() ?? 'local';
      return withAttributes(logicalId, { Arn: arn(service, logicalId) });
    }
  }
}

function withAttributes(ref: string, attributes: Record<string, string>): ResourceValues {
  return { ref, attribute: (name) => ownValue(attributes, name) };
}
