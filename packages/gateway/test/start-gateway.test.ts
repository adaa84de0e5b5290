import { join } from 'node:path';
import { InvalidMethodArnError } from '@petstore/iam-policy/execute-api-arn';
import { describe, expect, it } from 'vitest';
import { GatewayListenError } from '../src/errors';
import { startGateway } from '../src/start-gateway';
import { fixtures } from './support/start-fixture';

const quiet = { info: () => {}, warn: () => {}, access: () => {} };

describe('startGateway', () => {
  it('names a port already in use in a clear error', async () => {
    // Prepare
    const templatePath = join(fixtures, 'cors-default', 'template.yaml');
    const first = await startGateway({ templatePath, logger: quiet });

    // Act
    const second = startGateway({ templatePath, port: first.port, logger: quiet });

    // Assess
    await expect(second).rejects.toThrow(GatewayListenError);
    await expect(second).rejects.toThrow(`Port ${first.port} on 127.0.0.1 is already in use`);
    await first.close();
  });

  it('refuses to start with a stage no method ARN can hold (a * would be a wildcard in policies)', async () => {
    // Prepare
    const templatePath = join(fixtures, 'petstore', 'template.yaml');

    // Act
    const started = startGateway({ templatePath, parameters: { Stage: 'pr*d' }, logger: quiet });

    // Assess
    await expect(started).rejects.toThrow(InvalidMethodArnError);
  });
});
