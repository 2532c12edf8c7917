'use client';
// Keyboard for the lapse queue: j / k move through the rows (and the open panel follows), Enter opens
// the focused row (native on its link), r goes to the review form, Escape closes the panel.
import { useEffect, useRef, type RefObject } from 'react';

export interface QueueKeyTargets {
  ids: string[];
  selectedId: string | undefined;
  linkRefs: RefObject<Map<string, HTMLAnchorElement>>;
  reviewFocusRef: RefObject<HTMLElement | null>;
  select: (id: string, options: { focusPanel: boolean }) => void;
  close: () => void;
}

const NON_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset']);

/** Letters typed into a text field or a select are text, not shortcuts (radios and buttons are fine). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Tries to focus the review form for a few seconds (the panel may still be loading). */
function focusWhenReady(ref: RefObject<HTMLElement | null>) {
  let tries = 0;
  const timer = window.setInterval(() => {
    tries += 1;
    if (ref.current) {
      ref.current.focus();
      window.clearInterval(timer);
    } else if (tries > 30) window.clearInterval(timer);
  }, 100);
}

export function useQueueKeys(targets: QueueKeyTargets) {
  const latest = useRef(targets);
  useEffect(() => {
    latest.current = targets;
  });

  useEffect(() => {
    const focusedId = (): string | undefined => {
      const active = document.activeElement;
      for (const [id, el] of latest.current.linkRefs.current)
        if (el === active || el.contains(active)) return id;
      return undefined;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
      const { ids, selectedId, linkRefs, reviewFocusRef, select, close } = latest.current;
      const current = focusedId() ?? selectedId;
      if (event.key === 'j' || event.key === 'k') {
        if (ids.length === 0) return;
        event.preventDefault();
        const index = current ? ids.indexOf(current) : -1;
        const next = event.key === 'j' ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0);
        const id = ids[next];
        if (!id) return;
        linkRefs.current.get(id)?.focus();
        if (selectedId) select(id, { focusPanel: false });
      } else if (event.key === 'r') {
        const id = selectedId ?? current ?? ids[0];
        if (!id) return;
        event.preventDefault();
        if (id !== selectedId) select(id, { focusPanel: false });
        focusWhenReady(reviewFocusRef);
      } else if (event.key === 'Escape' && selectedId) {
        event.preventDefault();
        close();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
