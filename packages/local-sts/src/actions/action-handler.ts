import type { StsRequest } from '../http/sts-request';
import type { XmlValue } from '../protocol/xml-response';

/** What a handler notes for the call's log line as it learns it (before it may fail). */
export interface CallNotes {
  role?: string;
  session?: string;
  subject?: string;
}

/** An STS action: reads the request, answers the `...Result` element's content or throws an `StsError`. */
export type ActionHandler = (
  request: StsRequest,
  notes: CallNotes,
) => Promise<{ readonly [element: string]: XmlValue }>;
