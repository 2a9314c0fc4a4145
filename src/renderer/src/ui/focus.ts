import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Where focus goes once a row leaves its list: the matching control (`same`) of the row after it, else of the row
 * before it, else `fallback`. Read before the write, while the row is still there: once it is gone, focus would fall
 * back to the page's start and a keyboard user would tab through the navigation again to reach the list.
 */
export function focusAfterRemoving(row: Element | null, same: string, fallback: string): () => void {
  const neighbour = row?.nextElementSibling ?? row?.previousElementSibling ?? null;
  return () => {
    const target = neighbour?.isConnected ? neighbour.querySelector<HTMLElement>(same) : null;
    (target ?? document.querySelector<HTMLElement>(fallback))?.focus();
  };
}

/**
 * A form shown in place of a row's button (Edit): open and close it, with focus back on that button (`opener`, found
 * in `row`) when it closes, saved or cancelled, since the form that held focus is gone.
 */
export function useInlineEdit(
  row: RefObject<HTMLElement | null>,
  opener: string,
): { editing: boolean; open: () => void; close: () => void } {
  const [editing, setEditing] = useState(false);
  const closed = useRef(false);
  useEffect(() => {
    if (editing || !closed.current) return;
    closed.current = false;
    row.current?.querySelector<HTMLElement>(opener)?.focus();
  }, [editing, row, opener]);
  const open = useCallback(() => setEditing(true), []);
  const close = useCallback(() => {
    closed.current = true;
    setEditing(false);
  }, []);
  return { editing, open, close };
}
