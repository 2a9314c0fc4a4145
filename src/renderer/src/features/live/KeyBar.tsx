import { memo, useEffect, useRef } from 'react';
import type { KeyGroup } from './console-keys';

/**
 * The page keeps the bar's height (and a little air) clear at its foot: Tab, a field's autofocus and scrollIntoView all
 * stop above the bar. Without it, Tab put the notes box, the lower attendance rows and the add-item form's controls
 * under the bar at 1366x768, focused and out of sight. Measured, because the bar wraps to two or three lines; when it
 * grows (a panel's keys join it) over the control that has focus, that control moves up clear of it: a reopened
 * proposal's go-round took focus as its keys made the bar a line taller over it.
 */
function useReservedFoot(bar: React.RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      const { top, height } = el.getBoundingClientRect();
      root.style.scrollPaddingBottom = `${Math.ceil(height) + 8}px`;
      const focused = document.activeElement;
      if (!focused || focused === document.body || el.contains(focused)) return;
      const box = focused.getBoundingClientRect();
      if (box.bottom > top && box.top < innerHeight) focused.scrollIntoView({ block: 'nearest' });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = '';
    };
  }, [bar]);
}

/** The keys the console answers right now, always on screen: the same table the listener reads. Memoised on it. */
export const KeyBar = memo(function KeyBar({ groups }: { groups: KeyGroup[] }) {
  const bar = useRef<HTMLElement>(null);
  useReservedFoot(bar);
  return (
    <nav className="key-bar" aria-label="Keys" ref={bar}>
      {groups.map((group) => (
        <span key={group.title} className="key-group" aria-label={`${group.title} keys`}>
          <span className="key-group-title">{group.title}</span>
          {group.bindings.map((b) => (
            <span key={b.show + b.label} className="key-hint">
              <kbd>{b.show}</kbd> {b.label}
            </span>
          ))}
        </span>
      ))}
    </nav>
  );
});
