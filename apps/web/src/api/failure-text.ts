import type { ApiFailure } from './api-failure';
import type { CredentialsFailureReason } from './credentials-error';

/** What a failure lets the person do next. */
export type FailureAction = 'retry' | 'sign-in' | 'none';

/**
 * The failure in plain words, and what the person can do about it.
 *
 * @example
 * failureText({ kind: 'forbidden' }) // { text: 'Your role is not allowed to do that.', action: 'none' }
 */
export function failureText(failure: ApiFailure): { text: string; action: FailureAction } {
  switch (failure.kind) {
    case 'unauthorized':
      return { text: 'Your sign-in has expired. Sign in again to carry on.', action: 'sign-in' };
    case 'forbidden':
      return { text: 'Your role is not allowed to do that.', action: 'none' };
    case 'not-found':
      return { text: 'That pet is no longer in the store.', action: 'none' };
    case 'already-sold':
      return { text: 'Sorry, this pet is no longer available.', action: 'none' };
    case 'validation':
      return {
        text: `Some details need fixing: ${failure.fields.map((field) => field.message).join(' ') || 'please check the form.'}`,
        action: 'none',
      };
    case 'rejected':
      return {
        text: `The store could not do that${failure.detail ? `: ${failure.detail}` : '.'}`,
        action: 'none',
      };
    case 'throttled':
      return {
        text: 'The store is busy right now. Wait a moment, then try again.',
        action: 'retry',
      };
    case 'server':
      return { text: 'Something went wrong on our side. Please try again.', action: 'retry' };
    case 'network':
      return {
        text: 'Could not reach the Pet Store. Check your connection, then try again.',
        action: 'retry',
      };
    case 'aborted':
      return { text: 'The request was cancelled.', action: 'retry' };
    case 'credentials':
      return credentialsText(failure.reason);
  }
}

/** IAM mode's credential problems (STS's answers, or no role in the ID token) in plain words. */
function credentialsText(reason: CredentialsFailureReason): {
  text: string;
  action: FailureAction;
} {
  switch (reason) {
    case 'no-role':
      return {
        text: 'Your account has no role in the store yet, so it cannot be used here. Ask the store to give it one.',
        action: 'none',
      };
    case 'access-denied':
      return {
        text: 'AWS did not let your account take its role in the store. Ask the store to check its set-up.',
        action: 'none',
      };
    case 'invalid-token':
      return {
        text: 'AWS did not accept your sign-in for the store. Sign in again; if it happens again, the store needs to check its set-up.',
        action: 'sign-in',
      };
    case 'expired-token':
      return { text: 'Your sign-in has expired. Sign in again to carry on.', action: 'sign-in' };
    case 'unreachable':
      return {
        text: 'Could not reach AWS to get access for your account. Check your connection, then try again.',
        action: 'retry',
      };
    case 'unexpected':
      return {
        text: 'AWS could not give your account access just now. Please try again.',
        action: 'retry',
      };
  }
}
