import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A view loaded on first use, so the first screen's JavaScript stays small (the size budget in
 * scripts/test.mjs). `lazyView(() => import('./X'), 'X')` keeps the module's named export.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the component's own props are kept by P
export function lazyView<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] })) as unknown as M[K];
}

/** Where a lazy view appears: nothing visible while its chunk loads from disk (a few milliseconds). */
export function ViewSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div aria-busy="true" />}>{children}</Suspense>;
}
