import { useLayoutEffect, useRef } from 'react';
import { ALWAYS, ITEM_KEYS, PANEL_KEYS, ROUND_KEYS } from './console-keys';

const GROUPS = [ITEM_KEYS, ROUND_KEYS, PANEL_KEYS['go-round'], PANEL_KEYS['check-out'], PANEL_KEYS.review, ALWAYS];

/** Every key of the console, by the mode it belongs to; the key bar shows those of the moment. */
export function ShortcutsHelp({ onClose, home }: { onClose: () => void; home: () => HTMLElement | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  // Closed, focus goes back to what opened it: the ? button, or, opened by the key with nothing focused, the console's
  // current item (home). Left on the page's body, the next Tab went to the first link of the navigation. A layout
  // effect: its clean-up runs before React takes the dialog out.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Opened, Close has focus, which scrolled the list to its end: the keys are read from the top (the agenda's first).
    dialog.scrollTop = 0;
    return () => {
      dialog.close();
      (opener?.isConnected ? opener : home())?.focus();
    };
  }, [home]);
  return (
    <dialog ref={ref} className="confirm shortcuts" aria-labelledby="shortcuts-title" onCancel={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {GROUPS.map((group) => (
        <section key={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.bindings.map((b) => (
              <div key={b.show + b.label}>
                <dt>
                  <kbd>{b.show}</kbd>
                </dt>
                <dd>{b.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="muted-note">
        No letter means two things anywhere on the console. Keys wait while you type in a text box: Escape leaves it (Enter too, in a
        speaker&rsquo;s line), saving what you typed, and closes an outcome&rsquo;s or a reason&rsquo;s form.
      </p>
      <div className="actions">
        <button className="btn btn-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}
