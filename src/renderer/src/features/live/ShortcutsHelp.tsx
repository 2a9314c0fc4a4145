import { useEffect, useRef } from 'react';

export const SHORTCUTS: [string, string][] = [
  ['N or →', 'Next item'],
  ['B or ←', 'Previous item'],
  ['P', 'Pause or resume'],
  ['1 / 5', 'Give the item 1 or 5 more minutes'],
  ['K', 'Park the current item'],
  ['S', 'Next speaker'],
  ['A', 'Speaker passes'],
  ['X', 'Skip the speaker'],
  ['L', 'Speaker comes back later'],
  ['1–9, 0', 'Check-out round, once focused: rate 1–9, or 10'],
  ['Ctrl/⌘ + Z', 'Undo the last action'],
  ['?', 'Show or hide this list'],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="confirm shortcuts" aria-labelledby="shortcuts-title" onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <p className="muted-note">Shortcuts work when you are not typing in a text box.</p>
      <div className="actions">
        <button className="btn btn-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
