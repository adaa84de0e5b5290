import { type ReactNode, useEffect, useRef } from 'react';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  /** Shown on the confirm button while `busy`. */
  readonly busyLabel: string;
  readonly busy: boolean;
  /** How the confirm button looks: `danger` (default) for what cannot be undone, `primary` otherwise. */
  readonly tone?: 'danger' | 'primary';
  readonly onConfirm: () => void;
  /** Cancel or Escape. */
  readonly onCancel: () => void;
}

/**
 * A modal confirmation on the native `<dialog>` (focus kept inside, Escape closes, the rest of the
 * page inert), opened as soon as it renders. Focus starts on Cancel, the safe choice. While
 * `busy` the buttons keep focus but do nothing.
 *
 * @example
 * {asking && <ConfirmDialog title="Remove this cat?" confirmLabel="Remove" busyLabel="Removing…"
 *   busy={false} onConfirm={remove} onCancel={close}>The cat for $12 will be gone.</ConfirmDialog>}
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const {
    title,
    children,
    confirmLabel,
    busyLabel,
    busy,
    tone = 'danger',
    onConfirm,
    onCancel,
  } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => element.close();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="confirm-title">{title}</h2>
      <div id="confirm-body">{children}</div>
      <div className="dialog-actions">
        <button
          ref={cancel}
          type="button"
          className="button"
          aria-disabled={busy}
          onClick={() => busy || onCancel()}
        >
          Cancel
        </button>
        <button
          type="button"
          className={`button button-${tone}`}
          aria-disabled={busy}
          onClick={() => busy || onConfirm()}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
