import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * A view loaded on first use, so the first screen's JavaScript stays small (the size budget in
 * scripts/test.mjs). `lazyView(() => import('./X'), 'X')` keeps the module's named export.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the component's own props are kept by M[K]
export function lazyView<M extends Record<K, ComponentType<any>>, K extends keyof M & string>(load: () => Promise<M>, name: K): M[K] {
  return lazy(async () => {
    let loaded: M;
    try {
      loaded = await load();
    } catch (cause) {
      throw new ViewCodeMissing(cause);
    }
    return { default: loaded[name] };
  }) as unknown as M[K];
}

/**
 * A view's code could not be fetched: the server stopped, or restarted with a new build whose chunks have other
 * names. Each browser words that failure its own way ("Failed to fetch dynamically imported module: …"), so it is
 * known by this kind, given where the import is made, never by its message.
 */
export class ViewCodeMissing extends Error {
  constructor(cause: unknown) {
    super('This view’s code could not be loaded', { cause });
    this.name = 'ViewCodeMissing';
  }
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

class ViewFailure extends Component<{ children: ReactNode }, { failure: { codeMissing: boolean; message: string } | null }> {
  override state = { failure: null as { codeMissing: boolean; message: string } | null };

  static getDerivedStateFromError(error: unknown) {
    return { failure: { codeMissing: error instanceof ViewCodeMissing, message: error instanceof Error ? error.message : String(error) } };
  }

  override render() {
    const failure = this.state.failure;
    if (failure === null) return this.props.children;
    return (
      <div className="alert" role="alert">
        {failure.codeMissing
          ? 'This view could not be loaded: Cadence was stopped or updated since this window opened. Reload to open it again.'
          : `This view could not be shown (${failure.message}).`}{' '}
        <button type="button" className="btn" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
