import { request } from 'node:http';

/**
 * A GET with repeated header lines (which `fetch` would join into one), answering the JSON body.
 *
 * @example
 * await rawGet(`${url}/public`, { 'X-Custom': ['first', 'second'] })
 */
export function rawGet(url: string, headers: Record<string, string | string[]>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'GET' }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      incoming.on('error', reject);
    });
    for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
    outgoing.on('error', reject);
    outgoing.end();
  });
}
