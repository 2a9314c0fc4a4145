import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '@shared/contract';
import type { DecisionLogRow } from '@shared/decisions';
import { ApiError, call, subscribeTopics } from '@renderer/api/client';

export const PAGE_SIZE = 100;

export type LogFilters = Omit<InputOf<'decisions.search'>, 'offset' | 'limit'>;

interface LogState {
  key: string;
  total: number | null;
  /** False when the search stopped counting at `total`: there are more, read as the list scrolls. */
  totalIsExact: boolean;
  pages: Map<number, DecisionLogRow[]>;
  notice: string | null;
  error: ApiError | null;
}

/** The count as far as it is known: an exact count stands; a bound ("more than") grows as deeper pages are read. */
function knownTotal(before: Pick<LogState, 'total' | 'totalIsExact'> | null, page: { total: number; totalIsExact: boolean }) {
  if (page.totalIsExact || before?.total == null || before.totalIsExact) return { total: page.total, totalIsExact: page.totalIsExact };
  return { total: Math.max(before.total, page.total), totalIsExact: false };
}

/**
 * The log, read a page at a time as the list scrolls: the window never holds more than the
 * pages looked at, however many years of decisions there are.
 */
export function useLogPages(filters: LogFilters) {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<LogState>({ key, total: null, totalIsExact: true, pages: new Map(), notice: null, error: null });
  const requested = useRef(new Set<string>());

  const load = useCallback(
    (page: number, fresh = false) => {
      const tag = `${key}#${page}`;
      if (!fresh && requested.current.has(tag)) return;
      requested.current.add(tag);
      call('decisions.search', { ...(JSON.parse(key) as LogFilters), offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (result) =>
          setState((s) => {
            const base = s.key === key && !(fresh && page === 0) ? s : null;
            const pages = new Map(base?.pages ?? []);
            pages.set(page, result.rows);
            return { key, ...knownTotal(base, result), pages, notice: result.notice, error: null };
          }),
        (error: unknown) =>
          setState((s) => ({
            ...s,
            error: error instanceof ApiError ? error : new ApiError({ code: 'internal', message: String(error) }),
          })),
      );
    },
    [key],
  );

  useEffect(() => {
    requested.current.clear();
    load(0, true);
    // A decision recorded elsewhere: start again from the top.
    return subscribeTopics(['decisions'], () => {
      requested.current.clear();
      load(0, true);
    });
  }, [load]);

  const current = state.key === key ? state : null;
  const rowAt = (index: number): DecisionLogRow | undefined => current?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  const ensure = (index: number) => {
    if (!current?.pages.has(Math.floor(index / PAGE_SIZE))) load(Math.floor(index / PAGE_SIZE));
  };
  return {
    total: current?.total ?? null,
    totalIsExact: current?.totalIsExact ?? true,
    notice: current?.notice ?? null,
    error: state.error,
    rowAt,
    ensure,
  };
}
