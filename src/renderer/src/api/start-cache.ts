/**
 * The cache seeded with the answers a page carries (StartData), under the keys the views ask them by: the first
 * screen's first render shows them, rather than an empty page that renders again once each view's read has taken its
 * carried answer (api/first-reads.ts). Each view still reads on mount, as it always does: that read takes the carried
 * answer (the same, so nothing renders again), or, where a change made it stale meanwhile, asks main.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { StartData } from '@shared/first-reads';
import { queryKey } from './query-cache';

export function seedStartAnswers(client: QueryClient, reads: StartData['reads']): void {
  for (const [name, input, answer] of reads) if (answer.ok) client.setQueryData(queryKey(name, input), answer.value);
}
