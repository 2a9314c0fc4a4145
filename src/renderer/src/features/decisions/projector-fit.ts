import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How the projector shows a proposal, from everything in full down to one objection and no option: a projector cannot
 * scroll, so a proposal that runs off the screen first keeps its long texts and names to their lines (condensed), then
 * gives up rows, the open objections first, until the page fits. The rest are named in a note; each objection comes up
 * as the ones before it are resolved, as the commitment review's list follows the console. A proposal that fits is
 * shown whole: nothing is cut while there is room.
 */
const STEPS: readonly ProjectorFit[] = [
  { condensed: false, options: Infinity, objections: Infinity },
  { condensed: true, options: Infinity, objections: Infinity },
  { condensed: true, options: Infinity, objections: 3 },
  { condensed: true, options: 3, objections: 3 },
  { condensed: true, options: 3, objections: 2 },
  { condensed: true, options: 2, objections: 2 },
  { condensed: true, options: 2, objections: 1 },
  { condensed: true, options: 1, objections: 1 },
  { condensed: true, options: 0, objections: 1 },
];

export interface ProjectorFit {
  /** Long texts, option cells and names keep to their lines (decision-projector.css, `.is-condensed`). */
  condensed: boolean;
  options: number;
  objections: number;
}

/** The bottom of what an element shows; a wrapper without a box of its own (display: contents) by its children's. */
function lowestEdge(el: Element): number {
  if (getComputedStyle(el).display !== 'contents') return el.getBoundingClientRect().bottom;
  return Math.max(0, ...[...el.children].map(lowestEdge));
}

/**
 * Whether the projector's main column (live/ProjectorPage: the item's title, its panels, the speaker) runs past the
 * bottom of the screen. Its own content is measured, not the page's, so the side column never costs the proposal rows.
 */
function overflows(el: HTMLElement): boolean {
  const main = el.closest('.projector-main');
  const page = el.closest('.projector');
  const first = main?.firstElementChild;
  if (!main || !page || !first) return false;
  const bottom = Math.max(...[...main.children].map(lowestEdge));
  const content = bottom - first.getBoundingClientRect().top;
  const room = window.innerHeight - parseFloat(getComputedStyle(page).paddingBottom) - main.getBoundingClientRect().top;
  return content > room + 0.5;
}

/**
 * The rows that fit, measured before the browser paints: each step down renders again at once, so the room never sees
 * a page that runs off. `content` names what is shown (the proposal, its options and objections): when it changes, or
 * the screen's size does, the fit starts again from showing everything.
 */
export function useProjectorFit(section: RefObject<HTMLElement | null>, content: string): ProjectorFit {
  const [screen, setScreen] = useState(0);
  const [fit, setFit] = useState({ for: '', step: 0 });
  const key = `${content}@${screen}`;
  const step = fit.for === key ? fit.step : 0;
  useEffect(() => {
    const resized = () => setScreen((n) => n + 1);
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, []);
  // The panels are hidden for a moment while their data catches up with the item: measured again once they show.
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!section.current) return;
    const observer = new ResizeObserver(() => setShown((n) => n + 1));
    observer.observe(section.current);
    return () => observer.disconnect();
  }, [section]);
  useLayoutEffect(() => {
    // Layout is read after React wrote the DOM and before the browser paints, the one place a fit can be measured.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (section.current && step < STEPS.length - 1 && overflows(section.current)) setFit({ for: key, step: step + 1 });
  }, [section, key, step, shown]);
  return STEPS[step]!;
}
