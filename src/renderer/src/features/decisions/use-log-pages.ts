import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { InputOf } from '@shared/contract';
import type { DecisionLogRow } from '@shared/decisions';
import { ApiError, call } from '@renderer/api/client';
import { queryKey } from '@renderer/api/query-cache';

export const PAGE_SIZE = 100;

export type LogFilters = Omit<InputOf<'decisions.search'>, 'offset' | 'limit'>;

/**
 * The count as far as the pages read tell it: an exact count stands; past the search's bound ("more than") it is
 * the largest bound any page read has seen, so it grows as deeper pages are read.
 */
function knownTotal(pages: readonly ({ total: number; totalIsExact: boolean } | undefined)[]) {
  const read = pages.filter((p) => p !== undefined);
  const exact = read.find((p) => p.totalIsExact);
  if (exact) return { total: exact.total, totalIsExact: true };
  if (read.length === 0) return { total: null, totalIsExact: true };
  return { total: Math.max(...read.map((p) => p.total)), totalIsExact: false };
}

/**
 * The log, read a page at a time as the list scrolls: the window never holds more than the
 * pages looked at, however many years of decisions there are. Each page is a read of its own in
 * the shared cache, so a recorded decision re-reads the pages shown and nothing else.
 */
export function useLogPages(filters: LogFilters) {
  const key = JSON.stringify(filters);
  const [wanted, setWanted] = useState<{ key: string; pages: number[] }>({ key, pages: [0] });
  const pages = wanted.key === key ? wanted.pages : [0];
  const results = useQueries({
    queries: pages.map((page) => {
      const input = { ...(JSON.parse(key) as LogFilters), offset: page * PAGE_SIZE, limit: PAGE_SIZE };
      return { queryKey: queryKey('decisions.search', input), queryFn: () => call('decisions.search', input) };
    }),
  });
  const byPage = new Map(pages.map((page, i) => [page, results[i]]));
  const first = results[0]?.data;
  const failed = results.find((r) => r.error)?.error;

  const rowAt = (index: number): DecisionLogRow | undefined => byPage.get(Math.floor(index / PAGE_SIZE))?.data?.rows[index % PAGE_SIZE];
  const ensure = (index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    if (pages.includes(page)) return;
    setWanted((w) => {
      const now = w.key === key ? w.pages : [0];
      return now.includes(page) ? w : { key, pages: [...now, page] };
    });
  };
  return {
    ...knownTotal(results.map((r) => r.data)),
    notice: first?.notice ?? null,
    error: failed ? (failed instanceof ApiError ? failed : new ApiError({ code: 'internal', message: String(failed) })) : null,
    rowAt,
    ensure,
  };
}
