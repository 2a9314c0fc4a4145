import type { Link, Parent, Root, Text } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';

/**
 * Typed web and mail addresses as links, the same in the Markdown and the HTML.
 *
 * No escaping keeps a GFM reader from linking `http://…`, `www.…` or `a@b.co` in text: its
 * autolinker runs on the text after escapes are read. So the minutes tree links them itself, with
 * that same autolinker (the transforms of mdast-util-gfm's reader), and both formats are written from the
 * linked tree: the Markdown as explicit links, which a reader takes as they are. One thing is
 * changed: a link ends before a quote, angle bracket, backtick, backslash or pipe, so a typed
 * `src="http://x/y.js"></script` links `http://x/y.js` and not the markup after it (and a pipe,
 * which a table must escape, never sits in an address, where an escape does not work). The autolinker
 * makes only http(s), mailto and xmpp links: nothing typed becomes a `javascript:` link.
 */
const transforms = gfmFromMarkdown().flatMap((extension) => extension.transforms ?? []);
const ENDS_LINK = /["'<>`\\|]/;
const TRAILING = /[!"&'),.:;<>?\]}]+$/;

export function withLinks(root: Root): Root {
  // Cutting a link short leaves text after it, which can hold the next address: link again until none is cut.
  do for (const transform of transforms) transform(root);
  while (cutLinks(root));
  return root;
}

function cutLinks(node: Root | Parent): boolean {
  let cut = false;
  node.children.forEach((child, index) => {
    if (child.type === 'link') {
      const rest = cutLink(child);
      if (rest !== null) {
        node.children.splice(index + 1, 0, { type: 'text', value: rest });
        cut = true;
      }
    } else if ('children' in child) {
      cut = cutLinks(child) || cut;
    }
  });
  if (cut) mergeTexts(node);
  return cut;
}

/** Shortens the link at the first character that ends it; returns the text cut off, or null. */
function cutLink(link: Link): string | null {
  const label = link.children[0] as Text;
  const at = label.value.search(ENDS_LINK);
  if (at < 0) return null;
  const kept = label.value.slice(0, at).replace(TRAILING, '');
  const rest = label.value.slice(kept.length);
  link.url = link.url.slice(0, link.url.length - label.value.length) + kept;
  label.value = kept;
  return rest;
}

/** Text next to text reads back as one run, so it is one node here too. */
function mergeTexts(node: Root | Parent): void {
  for (let i = node.children.length - 1; i > 0; i--) {
    const [before, after] = [node.children[i - 1]!, node.children[i]!];
    if (before.type === 'text' && after.type === 'text') {
      before.value += after.value;
      node.children.splice(i, 1);
    }
  }
}
