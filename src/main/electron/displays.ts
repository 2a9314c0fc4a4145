export interface DisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The projector goes on a display other than the one the console is on, the largest such
 * one; with a single display there is no second screen and the caller opens a window.
 */
export function chooseProjectorDisplay(displays: readonly DisplayLike[], consoleDisplayId: number): DisplayLike | null {
  const others = displays.filter((d) => d.id !== consoleDisplayId);
  if (others.length === 0) return null;
  return [...others].sort((a, b) => b.bounds.width * b.bounds.height - a.bounds.width * a.bounds.height)[0] ?? null;
}
