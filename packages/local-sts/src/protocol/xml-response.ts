import { XMLBuilder } from 'fast-xml-parser';
import type { StsError } from './sts-error';

/** STS's XML namespace (API version 2011-06-15). */
export const stsNamespace = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Element content of a result, in document order; `undefined` leaves the element out. */
export type XmlValue = string | number | undefined | { readonly [element: string]: XmlValue };

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  processEntities: true,
});

/**
 * A success answer: `<ActionResponse xmlns><ActionResult>...</ActionResult><ResponseMetadata>
 * <RequestId/></ResponseMetadata></ActionResponse>`.
 *
 * @example
 * successXml('GetCallerIdentity', { Arn: 'arn:...', UserId: 'AROA...:s', Account: '123456789012' }, requestId)
 */
export function successXml(
  action: string,
  result: { readonly [element: string]: XmlValue },
  requestId: string,
): string {
  return builder.build({
    [`${action}Response`]: {
      '@_xmlns': stsNamespace,
      [`${action}Result`]: result,
      ResponseMetadata: { RequestId: requestId },
    },
  }) as string;
}

/**
 * An error answer: `<ErrorResponse xmlns><Error><Type/><Code/><Message/></Error><RequestId/>
 * </ErrorResponse>`, as STS sends it.
 *
 * @example
 * errorXml(stsErrors.missingAction(), requestId)
 */
export function errorXml(error: StsError, requestId: string): string {
  return builder.build({
    ErrorResponse: {
      '@_xmlns': stsNamespace,
      Error: { Type: error.type, Code: error.code, Message: error.message },
      RequestId: requestId,
    },
  }) as string;
}
