import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import type { ExportedFile } from '@shared/planning';
import { minutesFileName, minutesMeta } from './minutes-meta';
import { MINUTES_CSS } from './minutes-print-css';
import { minutesTree, type MinutesSource } from './minutes-tree';

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const txt = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The minutes as one self-contained HTML file (styles inline, no scripts, nothing fetched),
 * converted from the same syntax tree as the Markdown. Raw HTML is never passed through
 * (mdast-util-to-hast drops it and hast-util-to-html escapes text), and the page's CSP forbids
 * scripts and requests, so opening a file someone else exported is safe. Print it for a PDF.
 */
export function minutesHtml(source: MinutesSource): ExportedFile {
  const meta = minutesMeta(source.detail);
  // A line break is <br> alone: paragraphs keep typed spaces (pre-wrap), where the newline toHast adds after it
  // would show as an empty line.
  const body = toHast(minutesTree(source), { handlers: { break: () => el('br', {}) } }) as HastRoot;
  const h1 = body.children.find((n): n is Element => n.type === 'element' && n.tagName === 'h1');
  const title = h1 ? textOf(h1) : `Minutes: ${meta.title}`;
  const doc: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      el('html', { lang: 'en' }, [
        el('head', {}, [
          el('meta', { charSet: 'utf-8' }),
          el('meta', {
            httpEquiv: ['Content-Security-Policy'],
            content: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          }),
          el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          el('meta', { name: 'generator', content: 'Cadence' }),
          el('meta', { name: 'cadence-meeting-id', content: meta.meetingId }),
          el('title', {}, [txt(title)]),
          el('style', {}, [txt(MINUTES_CSS)]),
        ]),
        el('body', {}, [
          el('main', {}, body.children as ElementContent[]),
          el('footer', {}, [txt(`${meta.status === 'final' ? 'Minutes' : 'Draft minutes'} of ${meta.team}, exported from Cadence.`)]),
        ]),
      ]),
    ],
  };
  return { suggestedName: minutesFileName(meta, 'html'), content: toHtml(doc) + '\n' };
}

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}
