import type { ApiFailure } from '../api/api-failure';
import { failureText } from '../api/failure-text';
import { useSignIn } from '../auth/use-sign-in';

export interface InlineErrorProps {
  readonly failure: ApiFailure;
  /** Offered as "Try again" when the failure may pass (network, busy, server). */
  readonly onRetry?: () => void;
  /** Replaces the plain-words text, e.g. for a failure particular to one screen. */
  readonly text?: string;
}

/**
 * A failure shown where it happened, in plain words, with what can be done: try again, or sign
 * in again after a 401. Announced to screen readers (`role="alert"`).
 *
 * @example
 * <InlineError failure={{ kind: 'network' }} onRetry={reload} />
 */
export function InlineError({ failure, onRetry, text }: InlineErrorProps) {
  const signIn = useSignIn();
  const plain = failureText(failure);
  return (
    <div className="inline-error" role="alert">
      <p>{text ?? plain.text}</p>
      {plain.action === 'retry' && onRetry && (
        <button type="button" className="button button-small" onClick={onRetry}>
          Try again
        </button>
      )}
      {plain.action === 'sign-in' && (
        <button type="button" className="button button-small" onClick={signIn}>
          Sign in again
        </button>
      )}
    </div>
  );
}
