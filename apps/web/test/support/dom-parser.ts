import { Window } from 'happy-dom';

/**
 * Gives a Node.js test (`@vitest-environment node`, where the dev-idp and the local STS run) a
 * `DOMParser`, happy-dom's, the one the component tests use: the SPA reads STS's XML with the
 * browser's `DOMParser`, and Node.js has none.
 *
 * @example
 * installDomParser(); // at the top of a node-environment test file
 */
export function installDomParser(): void {
  if (typeof globalThis.DOMParser === 'function') return;
  const window = new Window();
  globalThis.DOMParser = window.DOMParser as unknown as typeof DOMParser;
}
