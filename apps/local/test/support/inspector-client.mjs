// A debugger, as Chrome DevTools is one, for `pnpm start --inspect`: attaches to the inspector at
// 127.0.0.1:<port> over the DevTools protocol, lists the scripts, waits for the one whose URL
// ends with <suffix>, sets a breakpoint where <text> first occurs in its source, and once paused
// there, resumes. Prints one JSON line per step on stdout.
// Usage: node [--experimental-websocket] inspector-client.mjs <port> <suffix> <text>

// The DevTools session is the gateway tests' (one client of the protocol for both).
import { openDevToolsSession } from '../../../../packages/gateway/test/fixtures/local-tools/devtools-session.mjs';

const [port, suffix, text] = process.argv.slice(2);
const print = (step) => process.stdout.write(`${JSON.stringify(step)}\n`);

const { send, event, close } = await openDevToolsSession(port);

await send('Debugger.enable');
const script = await event(
  (message) => message.method === 'Debugger.scriptParsed' && message.params.url.endsWith(suffix),
);
const { scriptSource } = await send('Debugger.getScriptSource', {
  scriptId: script.params.scriptId,
});
const before = scriptSource.slice(0, scriptSource.indexOf(text));
const lineNumber = before.split('\n').length - 1;
const columnNumber = before.length - before.lastIndexOf('\n') - 1;
const { locations } = await send('Debugger.setBreakpointByUrl', {
  url: script.params.url,
  lineNumber,
  columnNumber,
});
print({
  ready: true,
  script: script.params.url,
  sourceMap: script.params.sourceMapURL,
  breakpoints: locations.length,
});

const paused = await event((message) => message.method === 'Debugger.paused');
const [frame] = paused.params.callFrames;
print({
  paused: {
    inScript: frame.location.scriptId === script.params.scriptId,
    atText: frame.location.lineNumber === lineNumber && frame.location.columnNumber >= columnNumber,
  },
});
await send('Debugger.resume');
print({ resumed: true });
close();
process.exit(0);
