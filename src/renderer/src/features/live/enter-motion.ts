import { useLayoutEffect, useRef } from 'react';

/**
 * An element that stays in place while what it shows changes (the projector's speaker), with its entry motion played
 * again each time `shown` changes: the element is not made anew for the motion's sake, so a turn changes a few text
 * nodes rather than removing and building the speaker's block (and its countdown) in the event's own render.
 * Decoration only: played by the compositor (a transform), after the text is already in place, and not at all when
 * the person asked for reduced motion (base.css turns off CSS animations; this one is the Web Animations API's).
 */
let reducedMotion: MediaQueryList | null = null;

export function useEnterMotion<E extends HTMLElement>(shown: string | null, from: Keyframe, durationMs: number) {
  const ref = useRef<E>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    reducedMotion ??= window.matchMedia('(prefers-reduced-motion: reduce)');
    if (!el || shown === null || reducedMotion.matches) return;
    const motion = el.animate([from, {}], { duration: durationMs, easing: 'ease-out' });
    return () => motion.cancel();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- played again for another `shown` only
  }, [shown]);
  return ref;
}
