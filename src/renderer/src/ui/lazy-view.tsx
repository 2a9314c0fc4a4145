import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A view loaded on first use, so the first screen's JavaScript stays small (the size budget in
 * scripts/test.mjs). `lazyView(() => import('./X'), 'X')` keeps the module's named export.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the component's own props are kept by M[K]
export function lazyView<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => ({ default: (await load())[name] })) as unknown as M[K];
}

/**
 * Where a lazy view appears: nothing visible while its chunk loads (a few milliseconds from this computer). If the
 * chunk cannot be fetched (the browser-mode server was stopped meanwhile) the view says so with a way back, instead
 * of the whole window going blank. `place` (the route's name) starts afresh when the person goes to another view.
 */
export function ViewSlot({ children, place = '' }: { children: ReactNode; place?: string }) {
  return (
    <ViewFailure key={place}>
      <Suspense fallback={<div aria-busy="true" />}>{children}</Suspense>
    </ViewFailure>
  );
}

class ViewFailure extends Component<{ children: ReactNode }, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <div className="alert" role="alert">
        This view could not be shown ({this.state.message}).{' '}
        <button type="button" className="btn" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
