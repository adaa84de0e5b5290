import { hash } from 'node:crypto';
import { type GatewayRequest, headerValue, headerValues } from '../http/gateway-request';
import type { EndpointType } from '../template/model';

/**
 * Request headers that never reach the integration (Q6), as recorded on a REGIONAL API: the
 * connection's own (`Connection`, `Content-Length`, `Transfer-Encoding`, ...) and a few more.
 */
const droppedHeaders = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'www-authenticate',
]);

/** Names API Gateway writes in this case whatever case the client sent (Q7); others keep theirs. */
const canonicalNames = new Map([
  ['authorization', 'Authorization'],
  ['host', 'Host'],
  ['user-agent', 'User-Agent'],
]);

/** Headers API Gateway sets itself: the client's are replaced (`X-Forwarded-For` is appended to). */
const ownHeaders = /^(x-forwarded-(for|port|proto)|x-amzn-trace-id)$/i;

/** What CloudFront sets in front of an `EDGE` API: a client's own values do not pass. */
const edgeHeaders = /^(cloudfront-.*|x-amz-cf-id)$/i;

/**
 * The request's headers as the Lambda proxy event has them (Q6-Q9): the client's, in its case
 * but for `Authorization`, `Host` and `User-Agent`, without the hop-by-hop ones; then what
 * API Gateway adds: `X-Amzn-Trace-Id`, `X-Forwarded-For` (the client's chain, the caller, and
 * for an `EDGE` API the edge), `X-Forwarded-Port`, `X-Forwarded-Proto`; and for an `EDGE` API
 * CloudFront's `CloudFront-*` device headers, `Via` and `X-Amz-Cf-Id`.
 *
 * @example
 * eventHeaders(request, 'REGIONAL') // [['Host', '127.0.0.1:3000'], ..., ['X-Forwarded-For', '127.0.0.1'], ...]
 */
export function eventHeaders(
  request: GatewayRequest,
  endpointType: EndpointType,
): (readonly [string, string])[] {
  const edge = endpointType === 'EDGE';
  const own: (readonly [string, string])[] = [];
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (droppedHeaders.has(lower) || ownHeaders.test(name)) continue;
    if (edge && (edgeHeaders.test(name) || lower === 'via')) continue;
    own.push([canonicalNames.get(lower) ?? name, value]);
  }
  const chain = [...headerValues(request, 'x-forwarded-for'), request.sourceIp];
  if (edge) chain.push(request.serverIp ?? '127.0.0.1');
  const port = /:(\d+)$/.exec(headerValue(request, 'host') ?? '')?.[1] ?? '80';
  return [
    ...own,
    ...(edge ? cloudFrontHeaders(request) : []),
    ['X-Amzn-Trace-Id', traceHeader(request)],
    ['X-Forwarded-For', chain.join(', ')],
    ['X-Forwarded-Port', port],
    ['X-Forwarded-Proto', 'http'],
  ];
}

/**
 * The request's X-Ray trace header: the client's `Root` (and `Parent`, `Sampled`) when it sent a
 * valid one, as API Gateway keeps them (Q9), else a new `Root=1-{epoch hex}-{24 hex}`.
 *
 * @example
 * traceHeader(request) // 'Root=1-6561f2a0-3f0c8d2b9e4a1c7d5b6e8f90'
 */
export function traceHeader(request: GatewayRequest): string {
  const sent = headerValue(request, 'x-amzn-trace-id') ?? '';
  const root = traceFields.root.exec(sent)?.[1];
  if (!root) {
    const epoch = Math.floor(request.receivedAt / 1000).toString(16);
    return `Root=1-${epoch}-${hash('sha256', request.requestId).slice(0, 24)}`;
  }
  const parent = traceFields.parent.exec(sent)?.[1];
  const sampled = traceFields.sampled.exec(sent)?.[1];
  return [`Root=${root}`, parent && `Parent=${parent}`, sampled && `Sampled=${sampled}`]
    .filter(Boolean)
    .join(';');
}

/** A field of an `X-Amzn-Trace-Id` value, by its key (any case) and the shape of its value. */
const traceField = (key: string, pattern: string) =>
  new RegExp(`(?:^|;)\\s*${key}=(${pattern})\\s*(?=;|$)`, 'i');
const traceFields = {
  root: traceField('Root', '1-[0-9a-f]{8}-[0-9a-f]{24}'),
  parent: traceField('Parent', '[0-9a-f]{16}'),
  sampled: traceField('Sampled', '[01?]'),
};

/** CloudFront's headers in front of an `EDGE` API (Q8); the viewer's country and ASN are unknown locally. */
function cloudFrontHeaders(request: GatewayRequest): (readonly [string, string])[] {
  const device = viewerDevice(headerValue(request, 'user-agent') ?? '');
  const via = headerValues(request, 'via');
  // Per request, not per event: the authorizer's event and the integration's agree (R2). One
  // digest gives both: the hop's 16 bytes, then the request's CloudFront id's 40.
  const digest = hash('sha512', request.requestId, 'buffer');
  const hop = `2.0 ${digest.subarray(0, 16).toString('hex')}.cloudfront.net (CloudFront)`;
  return [
    ['CloudFront-Forwarded-Proto', 'http'],
    ['CloudFront-Is-Desktop-Viewer', String(device === 'desktop')],
    ['CloudFront-Is-Mobile-Viewer', String(device === 'mobile')],
    ['CloudFront-Is-SmartTV-Viewer', String(device === 'smarttv')],
    ['CloudFront-Is-Tablet-Viewer', String(device === 'tablet')],
    ['Via', [...via, hop].join(', ')],
    ['X-Amz-Cf-Id', `${digest.subarray(16, 56).toString('base64url')}==`],
  ];
}

/** CloudFront's device class from the `User-Agent` (desktop unless it names another). */
function viewerDevice(userAgent: string): 'desktop' | 'mobile' | 'smarttv' | 'tablet' {
  if (/smart-?tv|appletv|googletv|hbbtv|roku/i.test(userAgent)) return 'smarttv';
  if (/ipad|tablet/i.test(userAgent)) return 'tablet';
  if (/mobi|iphone|ipod|android/i.test(userAgent)) return 'mobile';
  return 'desktop';
}
