import { useLayoutEffect, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useFitStep } from '../../ui/fit-step';

/**
 * The projector's item title in the largest type that shows it whole: a title of 120 characters at the full size took
 * five lines and was cut to three ("…and what we s…") with the rest of the screen empty. Each step takes smaller type
 * (still a title, read from the back of the room); only a title too long for the last step is cut, and the console
 * shows it whole. The last step holds the longest title the contract takes (200 characters) whole at 1280x720, under
 * a speaker too: at the step before, one was cut to four lines over an empty half screen. The classes are in
 * projector.css.
 */
export const TITLE_FIT_CLASSES = ['', ' is-long', ' is-longer', ' is-longest'];

/** A line's glyphs may reach a few pixels past its box (87 px of scroll in an 83 px line): half a line is a cut line. */
const isCut = (el: HTMLElement) => el.scrollHeight > el.clientHeight + parseFloat(getComputedStyle(el).lineHeight) / 2;

export function useTitleFit(title: RefObject<HTMLElement | null>, text: string): number {
  const { step, stepDown } = useFitStep(text);
  useLayoutEffect(() => {
    const el = title.current;
    if (!el || step >= TITLE_FIT_CLASSES.length - 1) return;
    const measure = () => {
      if (title.current === el && isCut(el)) stepDown();
    };
    // A step already taken for this title goes on at once, so the room never sees the title cut between two steps.
    if (step > 0) {
      measure();
      return;
    }
    // A new title is measured in the frame's first callback, before the browser paints it: the layout it forces is
    // then the frame's own. Measured here, in React's commit, it laid the projector out before the new item was
    // even in the DOM, and again once its countdowns had written their text (a third of the projector's time from
    // next/previous's event to its DOM, in the console bench's trace). A title that is cut takes its smaller type
    // in that same callback (flushSync), still before the paint.
    const frame = requestAnimationFrame(() => flushSync(measure));
    return () => cancelAnimationFrame(frame);
  }, [title, step, stepDown]);
  return step;
}
