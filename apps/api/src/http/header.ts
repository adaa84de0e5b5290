import type { APIGatewayProxyEvent } from 'aws-lambda';

/** A request header by name, case-insensitively (clients and proxies vary the case). */
export function header(event: APIGatewayProxyEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
}
