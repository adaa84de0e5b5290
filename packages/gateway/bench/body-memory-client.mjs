// 8 concurrent anonymous 10 MB POSTs to a route the template does not have; prints the statuses.
import { request } from 'node:http';

const [port] = process.argv.slice(2);
const body = Buffer.alloc(10 * 1024 * 1024, 0x61);
const post = () =>
  new Promise((resolve) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path: '/no/such/route', method: 'POST', agent: false },
      (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolve(incoming.statusCode));
      },
    );
    outgoing.on('error', (error) => resolve(error.code));
    outgoing.end(body);
  });
console.log(JSON.stringify(await Promise.all(Array.from({ length: 8 }, post))));
