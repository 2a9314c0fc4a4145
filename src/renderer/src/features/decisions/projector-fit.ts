import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { useFitStep } from '../../ui/fit-step';

/**
 * How the projector shows a proposal, from everything in full down to one objection and no option: a projector cannot
 * scroll, so a proposal that runs off the screen gives up only what it must, cheapest first: the option cells keep to
 * their lines, then the question and the proposal's text, then rows, the open objections first, then the positions
 * take smaller type (a name is never cut), and last of all the one objection left keeps to its lines: an objection is
 * what the room most needs to read whole.
 * Whatever is cut is said on the page (the console shows it whole); the rows left out are named in a note, each
 * objection coming up as the ones before it are resolved, as the commitment review's list follows the console. A
 * proposal that fits is shown whole.
 */
const STEPS: readonly Omit<ProjectorFit, 'cut'>[] = [
  { condensed: 0, options: Infinity, objections: Infinity },
  // The option cells give up lines one at a time: kept to one line at once, they ended in an ellipsis at 1280x720
  // with room left below them for the lines they lost.
  { condensed: 1, optionLines: 3, options: Infinity, objections: Infinity },
  { condensed: 1, optionLines: 2, options: Infinity, objections: Infinity },
  { condensed: 1, options: Infinity, objections: Infinity },
  { condensed: 2, options: Infinity, objections: Infinity },
  { condensed: 2, options: Infinity, objections: 3 },
  { condensed: 2, options: 3, objections: 3 },
  { condensed: 2, options: 3, objections: 2 },
  { condensed: 2, options: 2, objections: 2 },
  { condensed: 2, options: 2, objections: 1 },
  { condensed: 2, options: 1, objections: 1 },
  { condensed: 2, options: 0, objections: 1 },
  { condensed: 3, options: 0, objections: 1 },
  { condensed: 4, options: 0, objections: 1 },
  // Past here only where the open blocks, each always shown (ProjectorDecision), fill the screen: the question and the
  // proposal's text keep to one line, then each objection does, so every block's member and the start of its reason
  // stay on the screen.
  { condensed: 5, options: 0, objections: 1 },
  { condensed: 6, options: 0, objections: 1 },
];

/** The classes of each condensed level (decision-projector.css): each level keeps what the one before it kept. */
export const CONDENSED_CLASSES = [
  '',
  ' is-condensed',
  ' is-condensed is-condensed-texts',
  ' is-condensed is-condensed-texts is-condensed-positions',
  ' is-condensed is-condensed-texts is-condensed-positions is-condensed-objections',
  ' is-condensed is-condensed-texts is-condensed-positions is-condensed-objections is-condensed-texts-line',
  ' is-condensed is-condensed-texts is-condensed-positions is-condensed-objections is-condensed-texts-line is-condensed-objections-line',
];

export interface ProjectorFit {
  /**
   * How much is kept to its lines: 0 nothing; 1 the option cells; 2 the question and the proposal's text too; 3 the
   * positions in smaller type too (names are never cut: decision-projector.css gives each its width); 4 the one
   * objection left kept to its lines too; 5 the question and the proposal's text to one line; 6 each objection to one
   * line (5 and 6 only where the open blocks, always shown, do not fit otherwise).
   */
  condensed: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** The lines each option cell keeps to once condensed (one when not given). */
  optionLines?: number;
  options: number;
  objections: number;
  /** Whether a text kept to its lines is cut short on the screen as laid out (a short one kept to its lines is not). */
  cut: boolean;
}

/** The texts a condensed level may keep to their lines (decision-projector.css). */
const CLAMPED = '.projector-question, .projector-proposal-text, .projector-options li > *, .projector-objections li';

function cutShort(section: HTMLElement): boolean {
  return [...section.querySelectorAll(CLAMPED)].some((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
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
  const [cut, setCut] = useState(false);
  const { step, stepDown } = useFitStep(content);
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
    const el = section.current;
    if (!el) return;
    if (step < STEPS.length - 1 && overflows(el)) return stepDown();
    // The page fits: whether it cut a text short decides the note that says so (which may in turn take a step down).
    const shortened = step > 0 && cutShort(el);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a layout read before paint decides the note
    if (shortened !== cut) setCut(shortened);
  }, [section, step, stepDown, shown, cut]);
  return { ...STEPS[step]!, cut: step > 0 && cut };
}
