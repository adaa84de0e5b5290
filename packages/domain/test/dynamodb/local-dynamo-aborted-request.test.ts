import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../src/dynamodb/local/start-local-dynamo';
import { localCredentials } from '../support/dynamo';

/**
 * A request whose headers the local DynamoDB has read (it answered `100 Continue`, which Node
 * sends just before handing the request on) and whose body is only half sent.
 */
async function halfSentRequest(dynamo: LocalDynamo): Promise<Socket> {
  const socket = connect(dynamo.port, '127.0.0.1');
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(
    [
      'POST / HTTP/1.1',
      'Host: 127.0.0.1',
      'Content-Type: application/x-amz-json-1.0',
      'X-Amz-Target: DynamoDB_20120810.ListTables',
      'Content-Length: 100',
      'Expect: 100-continue',
      '',
      '',
    ].join('\r\n'),
  );
  const [answer] = (await once(socket, 'data')) as [Buffer];
  expect(String(answer)).toMatch(/^HTTP\/1\.1 100 Continue/);
  socket.write('{"Limit":');
  return socket;
}

const listTables = (dynamo: LocalDynamo) =>
  new DynamoDBClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    credentials: localCredentials,
  }).send(new ListTablesCommand({}));

describe('the local DynamoDB when a client leaves mid-request', () => {
  // Without the guard, dynalite throws `Error: aborted` from the request's `error` listener: an
  // uncaught exception, which ended the whole local stack with exit code 1.
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  beforeEach(() => {
    uncaught.length = 0;
    process.on('uncaughtException', record);
  });
  afterEach(() => {
    process.off('uncaughtException', record);
  });

  it('keeps serving other clients after one leaves with its request half sent', async () => {
    // Prepare
    const dynamo = await startLocalDynamo();
    const socket = await halfSentRequest(dynamo);

    // Act
    socket.destroy();
    const after = await listTables(dynamo);

    // Assess: the connection's end has been handled once close() resolves (it waits for it)
    await dynamo.close();
    expect(uncaught).toEqual([]);
    expect(after.TableNames).toEqual([]);
  });

  it('closes cleanly with a half-sent request still open', async () => {
    // Prepare
    const dynamo = await startLocalDynamo();
    const socket = await halfSentRequest(dynamo);
    const ended = new Promise((resolve) => socket.once('close', resolve));

    // Act
    const closed = await dynamo.close().then(
      () => 'closed',
      (error: Error) => error.message,
    );

    // Assess
    await ended;
    expect(uncaught).toEqual([]);
    expect(closed).toBe('closed');
  });
});
