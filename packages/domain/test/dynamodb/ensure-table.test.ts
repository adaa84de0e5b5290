import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../src/dynamodb/ensure-table';
import { petTable } from '../../src/dynamodb/table';
import { startDynamo, type TestDynamo } from '../support/dynamo';

let dynamo: TestDynamo;

beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

const describeTable = async (TableName: string) =>
  (await dynamo.client.send(new DescribeTableCommand({ TableName }))).Table;

describe('ensureTable', () => {
  it('creates an ACTIVE, on-demand table with the key schema and indexes of petTable', async () => {
    // Prepare
    const tableName = `pets-${randomUUID()}`;
    // Act
    await ensureTable(dynamo.client, tableName);
    // Assess
    const table = await describeTable(tableName);
    expect(table?.TableStatus).toBe('ACTIVE');
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table?.KeySchema).toEqual(petTable.KeySchema);
    expect(table?.AttributeDefinitions).toEqual(
      expect.arrayContaining(petTable.AttributeDefinitions),
    );
    expect(
      table?.GlobalSecondaryIndexes?.map(({ IndexName, KeySchema, Projection }) => ({
        IndexName,
        KeySchema,
        Projection,
      })),
    ).toEqual(petTable.GlobalSecondaryIndexes);
  });

  it('leaves an existing table as it is', async () => {
    // Prepare
    const tableName = `pets-${randomUUID()}`;
    await ensureTable(dynamo.client, tableName);
    const before = await describeTable(tableName);
    // Act
    await ensureTable(dynamo.client, tableName);
    // Assess
    expect((await describeTable(tableName))?.TableId).toBe(before?.TableId);
  });

  it('copes with being called concurrently for the same table', async () => {
    // Prepare
    const tableName = `pets-${randomUUID()}`;
    // Act
    const results = await Promise.allSettled([
      ensureTable(dynamo.client, tableName),
      ensureTable(dynamo.client, tableName),
      ensureTable(dynamo.documents, tableName),
    ]);
    // Assess
    expect(results.map(({ status }) => status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect((await describeTable(tableName))?.TableStatus).toBe('ACTIVE');
  });

  it('lets other errors through', async () => {
    // Prepare: a name DynamoDB does not allow
    const tableName = 'no spaces allowed';
    // Act
    const ensuring = ensureTable(dynamo.client, tableName);
    // Assess
    await expect(ensuring).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
