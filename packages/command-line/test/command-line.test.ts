import { describe, expect, it } from 'vitest';
import { parseCommandLine, parseSubcommand } from '../src/command-line';

const start = {
  usage: 'local start [--memory] [--no-watch]',
  details: '  --memory   nothing on disk',
  options: { memory: { type: 'boolean' }, 'no-watch': { type: 'boolean' } },
} as const;
const token = {
  usage: 'local token admin|buyer|m2m',
  options: {},
  positionals: [{ name: 'persona', choices: ['admin', 'buyer', 'm2m'] }],
} as const;
const invoke = {
  usage: 'local invoke <FunctionLogicalId> <event.json>',
  options: {},
  positionals: [{ name: 'FunctionLogicalId' }, { name: 'event.json' }],
} as const;

describe('parseCommandLine', () => {
  it('gives the flags given, and no others', () => {
    expect(parseCommandLine(start, ['--memory', '--no-watch'])).toEqual({
      kind: 'parsed',
      values: { memory: true, 'no-watch': true },
      positionals: [],
    });
    expect(parseCommandLine(start, [])).toEqual({ kind: 'parsed', values: {}, positionals: [] });
  });

  it('gives the positional arguments in order', () => {
    expect(parseCommandLine(invoke, ['ListPetsFunction', 'events/list-pets.json'])).toMatchObject({
      kind: 'parsed',
      positionals: ['ListPetsFunction', 'events/list-pets.json'],
    });
  });

  it('answers --help and -h with the usage line and the details', () => {
    const help = {
      kind: 'help',
      text: 'Usage: local start [--memory] [--no-watch]\n\n  --memory   nothing on disk',
    };
    expect(parseCommandLine(start, ['--help'])).toEqual(help);
    expect(parseCommandLine(start, ['--memory', '-h'])).toEqual(help);
  });

  it.each([
    [['--memry'], "Unknown option '--memry'"],
    [['-x'], "Unknown option '-x'"],
    [['--memory=yes'], "Option '--memory' does not take an argument"],
    [['now'], "Unexpected argument 'now'"],
  ])('names the mistake in %j, then the usage line', (args, message) => {
    expect(parseCommandLine(start, args)).toEqual({
      kind: 'mistake',
      text: `${message}\nUsage: local start [--memory] [--no-watch]`,
    });
  });

  it.each([
    [[], 'Missing <persona>'],
    [['root'], "<persona> must be one of admin, buyer, m2m, not 'root'"],
    [['constructor'], "<persona> must be one of admin, buyer, m2m, not 'constructor'"],
    [['buyer', 'admin'], "Unexpected argument 'admin'"],
    [['buyer', '--as', 'admin'], "Unknown option '--as'"],
  ])('refuses the positional arguments %j of a command with choices', (args, message) => {
    expect(parseCommandLine(token, args)).toEqual({
      kind: 'mistake',
      text: `${message}\nUsage: local token admin|buyer|m2m`,
    });
  });

  it('needs every positional argument', () => {
    expect(parseCommandLine(invoke, ['ListPetsFunction'])).toEqual({
      kind: 'mistake',
      text: 'Missing <event.json>\nUsage: local invoke <FunctionLogicalId> <event.json>',
    });
  });
});

describe('parseCommandLine with bareValues (an option whose value may be left out)', () => {
  const start = {
    usage: 'local start [--inspect[=port]]',
    options: { inspect: { type: 'string' } },
    bareValues: { inspect: '9229' },
  } as const;

  it('reads the option alone as its bare value, like node --inspect', () => {
    expect(parseCommandLine(start, ['--inspect'])).toEqual({
      kind: 'parsed',
      values: { inspect: '9229' },
      positionals: [],
    });
  });

  it('reads an inline value as given', () => {
    expect(parseCommandLine(start, ['--inspect=9300'])).toMatchObject({
      values: { inspect: '9300' },
    });
  });

  it('takes no value from the next argument: that one is an argument of its own', () => {
    expect(parseCommandLine(start, ['--inspect', '9300'])).toEqual({
      kind: 'mistake',
      text: "Unexpected argument '9300'\nUsage: local start [--inspect[=port]]",
    });
  });

  it('leaves what follows -- alone', () => {
    const spec = { ...start, positionals: [{ name: 'rest', optional: true }] };
    expect(parseCommandLine(spec, ['--', '--inspect'])).toMatchObject({
      values: {},
      positionals: ['--inspect'],
    });
  });
});

describe('parseSubcommand', () => {
  const devIdp = { usage: 'dev-idp <command>', commands: ['start', 'token'] };

  it('gives the sub-command and every argument after it, options included', () => {
    expect(parseSubcommand(devIdp, ['token', 'buyer', '--issuer', 'http://127.0.0.1:9'])).toEqual({
      kind: 'command',
      name: 'token',
      args: ['buyer', '--issuer', 'http://127.0.0.1:9'],
    });
  });

  it('refuses names that are not its commands, prototype names included', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'stop']) {
      expect(parseSubcommand(devIdp, [name])).toEqual({
        kind: 'mistake',
        text: `Unknown command '${name}'\nUsage: dev-idp <command>`,
      });
    }
  });

  it('answers --help before a sub-command, and refuses other options there', () => {
    expect(parseSubcommand(devIdp, ['--help']).kind).toBe('help');
    expect(parseSubcommand(devIdp, ['--port', '1', 'start'])).toEqual({
      kind: 'mistake',
      text: "Unknown option '--port'\nUsage: dev-idp <command>",
    });
  });
});
