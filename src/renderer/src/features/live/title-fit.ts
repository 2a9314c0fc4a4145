import { useLayoutEffect, type RefObject } from 'react';
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

export function useTitleFit(title: RefObject<HTMLElement | null>, text: string): number {
  const { step, stepDown } = useFitStep(text);
  useLayoutEffect(() => {
    // Measured before the browser paints, so the room never sees the title cut and then whole.
    const el = title.current;
    if (!el || step >= TITLE_FIT_CLASSES.length - 1) return;
    // A line's glyphs may reach a few pixels past its box (87 px of scroll in an 83 px line): half a line is a cut line.
    const cutLine = el.scrollHeight > el.clientHeight + parseFloat(getComputedStyle(el).lineHeight) / 2;
    if (cutLine) stepDown();
  }, [title, step, stepDown]);
  return step;
}
