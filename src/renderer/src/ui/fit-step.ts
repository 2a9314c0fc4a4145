import { useCallback, useEffect, useState } from 'react';

/**
 * Which step of a projector fit is shown: a projector cannot scroll, so a view that runs off its screen takes one
 * step down at a time (measured before paint by its caller), and starts again from step 0 whenever what it shows
 * (`content`) or the screen's size changes. Shared by the proposal's fit and the item title's.
 */
export function useFitStep(content: string): { step: number; stepDown: () => void } {
  const [screen, setScreen] = useState(0);
  const [fit, setFit] = useState({ for: '', step: 0 });
  const key = `${content}@${screen}`;
  const step = fit.for === key ? fit.step : 0;
  useEffect(() => {
    const resized = () => setScreen((n) => n + 1);
    window.addEventListener('resize', resized);
    return () => window.removeEventListener('resize', resized);
  }, []);
  // Stable while the step stands, so a caller's layout effect measures again only when something it shows changed.
  const stepDown = useCallback(() => setFit({ for: key, step: step + 1 }), [key, step]);
  return { step, stepDown };
}
