import { describe, expect, it } from 'vitest';
import { jsonLogger } from '../../src/log/json-logger';

/** A logger at `logLevel` whose lines are kept, with the level each was written at. */
function recording(logLevel: Parameters<typeof jsonLogger>[0]['logLevel'], env = {}) {
  const lines: { level: string; entry: Record<string, unknown>; text: string }[] = [];
  const log = jsonLogger({
    serviceName: 'petstore-authorizer',
    logLevel,
    env,
    write: (text, level) => lines.push({ level, entry: JSON.parse(text), text }),
  });
  return { log, lines };
}

describe('jsonLogger: one JSON object per line, as Powertools Logger writes them', () => {
  it('writes level, message, timestamp, service and sampling_rate, then the extra keys', () => {
    // Prepare
    const { log, lines } = recording('INFO');
    // Act
    log.info('authorized', { sub: 'auth0|42', permissions: ['read:pets'] }, { tokenType: 'user' });
    // Assess
    expect(lines).toHaveLength(1);
    expect(lines[0]?.text.endsWith('}\n')).toBe(true);
    expect(Object.keys(lines[0]?.entry ?? {})).toEqual([
      'level',
      'message',
      'timestamp',
      'service',
      'sampling_rate',
      'sub',
      'permissions',
      'tokenType',
    ]);
    expect(lines[0]?.entry).toMatchObject({
      level: 'INFO',
      message: 'authorized',
      service: 'petstore-authorizer',
      sampling_rate: 0,
      sub: 'auth0|42',
    });
    expect(new Date(String(lines[0]?.entry.timestamp)).toISOString()).toBe(
      lines[0]?.entry.timestamp,
    );
  });

  it('writes only at or above the level set; SILENT writes nothing', () => {
    // Prepare
    const warn = recording('WARN');
    const silent = recording('SILENT');
    // Act
    for (const { log } of [warn, silent]) {
      log.debug('d');
      log.info('i');
      log.warn('w');
      log.error('e');
    }
    // Assess
    expect(warn.lines.map(({ entry }) => entry.message)).toEqual(['w', 'e']);
    expect(silent.lines).toEqual([]);
  });

  it('adds the X-Ray trace root while the Lambda runtime sets one', () => {
    // Prepare
    const { log, lines } = recording('DEBUG', {
      _X_AMZN_TRACE_ID:
        'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
    });
    // Act
    log.debug('token rejected');
    // Assess
    expect(lines[0]?.entry.xray_trace_id).toBe('1-5759e988-bd862e3fe1be46a994272793');
  });

  it('by default sends INFO to stdout and WARN and ERROR to stderr', () => {
    // Prepare
    const written: string[] = [];
    const capture = (name: string) => (chunk: unknown) => {
      written.push(`${name}:${JSON.parse(String(chunk)).level}`);
      return true;
    };
    const stdout = process.stdout.write;
    const stderr = process.stderr.write;
    process.stdout.write = capture('stdout') as typeof stdout;
    process.stderr.write = capture('stderr') as typeof stderr;
    // Act
    try {
      const log = jsonLogger({ serviceName: 's', logLevel: 'INFO', env: {} });
      log.info('i');
      log.warn('w');
      log.error('e');
    } finally {
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    // Assess
    expect(written).toEqual(['stdout:INFO', 'stderr:WARN', 'stderr:ERROR']);
  });
});
