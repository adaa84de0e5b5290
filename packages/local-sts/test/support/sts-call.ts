import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

/** An STS answer, its XML parsed (element text kept as strings). */
export interface StsAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  // biome-ignore lint/suspicious/noExplicitAny: parsed XML is checked by the tests' assertions
  readonly xml: any;
}

/** Calls the STS with Query parameters: form POST by default, or GET with the query. */
export async function callSts(
  url: string,
  parameters: Readonly<Record<string, string>>,
  init: { readonly method?: 'GET' | 'POST'; readonly headers?: Record<string, string> } = {},
): Promise<StsAnswer> {
  const query = new URLSearchParams(parameters).toString();
  const method = init.method ?? 'POST';
  const response =
    method === 'GET'
      ? await fetch(`${url}/?${query}`, { headers: init.headers ?? {} })
      : await fetch(`${url}/`, {
          method,
          headers: { 'content-type': 'application/x-www-form-urlencoded', ...init.headers },
          body: query,
        });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, xml: parser.parse(text) };
}

/** The `<Error>` of an error answer, with its `RequestId`. */
export function errorOf(answer: StsAnswer): {
  type: string;
  code: string;
  message: string;
  requestId: string;
} {
  const { Error: error, RequestId } = answer.xml.ErrorResponse;
  return { type: error.Type, code: error.Code, message: error.Message, requestId: RequestId };
}

/** The parameters of an AssumeRoleWithWebIdentity call. */
export function assumeRoleParameters(
  roleArn: string,
  token: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: roleArn,
    RoleSessionName: 'test-session',
    WebIdentityToken: token,
    ...extra,
  };
}
