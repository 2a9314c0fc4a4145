const HUES = [172, 205, 262, 330, 24, 48, 140, 295];

function initials(name: string): string {
  const parts = name.trim().split(/\s+/u).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts[parts.length - 1]!] : parts;
  return letters.map((p) => Array.from(p)[0]!.toLocaleUpperCase()).join('');
}

/** A stable colour per name, so a person looks the same on every screen; dark enough for white initials (WCAG AA). */
function hue(name: string): number {
  let h = 0;
  for (const ch of name) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return HUES[h % HUES.length]!;
}

export function Avatar({ name, muted = false }: { name: string; muted?: boolean }) {
  return (
    <span
      className={`avatar${muted ? ' avatar-muted' : ''}`}
      style={muted ? undefined : { background: `hsl(${hue(name)} 50% 30%)` }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
