import { splitMarked } from '@shared/decisions';

/** Search matches arrive as marker characters; they become <mark> elements, never HTML. */
export function Marked({ text }: { text: string }) {
  return <>{splitMarked(text).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
