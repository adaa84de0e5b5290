import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplate } from '../../src/template/read-template';
import { fixtures } from '../support/start-fixture';

describe('a function whose Runtime is not the local Node.js', () => {
  it('is one calm note of the model, not a warning: the functions run on this machine’s Node.js', async () => {
    // local-tools/template.yaml: Quiet is nodejs16.x, which no supported Node.js is.
    const model = await readTemplate(join(fixtures, 'local-tools', 'template.yaml'));
    expect(model.notes).toHaveLength(1);
    expect(model.notes?.[0]).toMatch(
      new RegExp(
        `^Runtime: the functions \\(.*nodejs16\\.x.* on AWS\\) run on this machine's Node\\.js ${process.versions.node.replaceAll('.', '\\.')}$`,
      ),
    );
    expect(model.warnings.filter((warning) => warning.startsWith('Runtime'))).toEqual([]);
  });
});
