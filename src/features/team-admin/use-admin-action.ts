/**
 * The team administration forms' shared mechanics: one request at a time with its one-sentence message (busy, the
 * failure's sentence), and where the keyboard focus goes back when a question or editor closes and its buttons go.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { adminErrorKey, type AdminMessage } from './team-admin-model.ts';

export interface AdminAction {
  busy: boolean;
  message: AdminMessage | null;
  setMessage: (message: AdminMessage | null) => void;
  /** Runs `work` unless one is running: the message is cleared first, a failure becomes its sentence (`failureKey`, default adminErrorKey). */
  run: (work: () => Promise<void>, failureKey?: (error: unknown) => MessageKey) => Promise<void>;
}

export function useAdminAction(): AdminAction {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<AdminMessage | null>(null);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<void>, failureKey: (error: unknown) => MessageKey = adminErrorKey): Promise<void> => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setMessage(null);
    try {
      await work();
    } catch (error) {
      setMessage({ key: failureKey(error), error: true });
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, message, setMessage, run };
}

/**
 * Focus to give back after the next render: `returnFocus(selector)` focuses that element inside `root` (a row's button),
 * or the section's heading when the selector is null or finds nothing (the button went with the closed question).
 */
export function useReturnFocus(): { root: React.RefObject<HTMLElement | null>; returnFocus: (selector: string | null) => void } {
  const root = useRef<HTMLElement | null>(null);
  const [target, setTarget] = useState<{ selector: string | null } | null>(null);
  useEffect(() => {
    if (target === null) return;
    const r = root.current;
    const found = target.selector === null ? null : r?.querySelector<HTMLElement>(target.selector);
    (found ?? r?.querySelector<HTMLElement>('h3'))?.focus();
    setTarget(null);
  }, [target]);
  const returnFocus = useCallback((selector: string | null) => setTarget({ selector }), []);
  return { root, returnFocus };
}
