import { memo } from 'react';
import type { KeyGroup } from './console-keys';

/** The keys the console answers right now, always on screen: the same table the listener reads. Memoised on it. */
export const KeyBar = memo(function KeyBar({ groups }: { groups: KeyGroup[] }) {
  return (
    <nav className="key-bar" aria-label="Keys">
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
