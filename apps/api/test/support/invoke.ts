import type { APIGatewayProxyResult } from 'aws-lambda';
import type { ProxyHandler } from '../../src/define-handler';
import { type EventOptions, lambdaContext, proxyEvent } from './proxy-event';

export interface Answer {
  status: number;
  headers: Record<string, string | number | boolean>;
  /** The parsed body, or undefined when it is empty. */
  // biome-ignore lint/suspicious/noExplicitAny: assertions read arbitrary JSON bodies
  json: any;
  raw: APIGatewayProxyResult;
}

/** Invokes a handler the way the Lambda runtime does, with a realistic proxy event. */
export async function invoke(handler: ProxyHandler, options: EventOptions): Promise<Answer> {
  const raw = await handler(proxyEvent(options), lambdaContext());
  return {
    status: raw.statusCode,
    headers: raw.headers ?? {},
    json: raw.body ? JSON.parse(raw.body) : undefined,
    raw,
  };
}
