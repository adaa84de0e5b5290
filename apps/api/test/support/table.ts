import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createDynamoClient, ensureTable } from '@petstore/domain/dynamodb';

/**
 * The test file's table, seen from outside the handlers (to check what was or was not written),
 * at the handlers' endpoint or at `endpoint`.
 */
export function testTable(endpoint = process.env.DYNAMODB_ENDPOINT) {
  const tableName = process.env.TABLE_NAME ?? '';
  const documents = createDynamoClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    create: () => ensureTable(documents, tableName),
    async items(): Promise<Record<string, unknown>[]> {
      const { Items = [] } = await documents.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true }),
      );
      return Items;
    },
  };
}
