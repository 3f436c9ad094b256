'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { type ReactNode, useRef, useState, useSyncExternalStore } from 'react';

/** The texts of a confirmation, already in the reader's language (the caller's catalogue: `confirm.*`). */
export type ConfirmTexts = {
  /** The button that asks (its text names the action). */
  trigger: ReactNode;
  /** The question, naming what is acted on ("Révoquer le badge de Léa ?"). */
  title: string;
  /** What follows, and whether it can be undone. */
  description: ReactNode;
  /** The button that acts ("Oui, révoquer"). */
  confirm: string;
  /** The button that keeps things as they are (focused first). */
  cancel: string;
};

type Props = ConfirmTexts & {
  triggerClassName?: string;
  /** `data-testid` of the trigger. */
  testId?: string;
  disabled?: boolean;
} & (
    | {
        /** A plain form: a server action (or an address), with its hidden fields. Works without JavaScript. */
        action: string | ((form: FormData) => void | Promise<void>);
        fields?: Record<string, string>;
        onConfirm?: never;
      }
    | {
        /** A client action (a socket command, a fetch): the dialog stays open, busy, until it settles. */
        onConfirm: () => unknown;
        action?: never;
        fields?: never;
      }
  );

const noop = () => () => {};
/** False while the server's HTML stands alone (no JavaScript yet, or none at all), true once hydrated. */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

/**
 * One confirmation for irreversible actions (Radix AlertDialog): the trigger opens a dialog that
 * names what will happen; "cancel" has the focus first, Escape closes it, the page behind is inert.
 * Its texts come from the caller, already translated, so that it also serves pages that ship no
 * catalogue (`/r`).
 *
 * With `action` (a plain form), the page works without JavaScript: the server's HTML has a
 * disclosure (`<details>`) whose content asks the same question and holds the form's submit button,
 * so one tap never acts by itself there either. With `onConfirm`, the action runs in the page.
 */
export function ConfirmAction(props: Props) {
  const { trigger, title, description, confirm, cancel, triggerClassName, testId, disabled } = props;
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const hidden = props.fields && Object.entries(props.fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);

  if (props.action !== undefined && !hydrated) {
    return (
      <form action={props.action}>
        {hidden}
        <details className="group">
          <summary className={`w-fit cursor-pointer list-none ${triggerClassName ?? ''}`} data-testid={testId}>
            {trigger}
          </summary>
          <div className="mt-2 space-y-2 rounded border border-stone-300 bg-white p-3">
            <p className="font-semibold">{title}</p>
            <div className="text-sm">{description}</div>
            <button type="submit" className="rounded bg-red-700 px-3 py-1.5 text-white">
              {confirm}
            </button>
          </div>
        </details>
      </form>
    );
  }

  const act = async (e: React.MouseEvent) => {
    if (props.action !== undefined) {
      formRef.current?.requestSubmit();
      return;
    }
    e.preventDefault();
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  const dialog = (
    <AlertDialog.Root open={open} onOpenChange={(next) => !busy && setOpen(next)}>
      <AlertDialog.Trigger asChild>
        <button type="button" className={triggerClassName} data-testid={testId} disabled={disabled}>
          {trigger}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-stone-900/50" />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 space-y-3 rounded-lg bg-white p-4 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="text-sm text-stone-800">{description}</div>
          </AlertDialog.Description>
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <AlertDialog.Cancel asChild>
              <button type="button" disabled={busy} className="rounded border border-stone-300 px-3 py-1.5">
                {cancel}
              </button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" disabled={busy} aria-busy={busy || undefined} onClick={(e) => void act(e)} className="rounded bg-red-700 px-3 py-1.5 text-white disabled:opacity-60">
                {confirm}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );

  if (props.action === undefined) return dialog;
  return (
    <form ref={formRef} action={props.action}>
      {hidden}
      {dialog}
    </form>
  );
}
