import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '@petstore/domain/dynamodb';

/** The test file's table, seen from outside the handlers (to check what was or was not written). */
export function testTable() {
  const tableName = process.env.TABLE_NAME ?? '';
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: process.env.DYNAMODB_ENDPOINT ?? '',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const documents = DynamoDBDocumentClient.from(client);
  return {
    create: () => ensureTable(client, tableName),
    async items(): Promise<Record<string, unknown>[]> {
      const { Items = [] } = await documents.send(
        new ScanCommand({ TableName: tableName, ConsistentRead: true }),
      );
      return Items;
    },
  };
}
