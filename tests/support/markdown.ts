import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

/** Parses Markdown as a code host would: CommonMark + GFM, with a YAML front matter. */
export const parseMarkdown = (md: string): Root =>
  fromMarkdown(md, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });

interface AnyNode {
  type: string;
  value?: string;
  children?: AnyNode[];
}

export function nodesOf(root: unknown, type: string): AnyNode[] {
  const out: AnyNode[] = [];
  const walk = (n: AnyNode) => {
    if (n.type === type) out.push(n);
    for (const c of n.children ?? []) walk(c);
  };
  walk(root as AnyNode);
  return out;
}

/** The text a reader sees in a node; a hard line break reads as a newline. */
export function textOf(node: unknown): string {
  const n = node as AnyNode;
  if (n.type === 'break') return '\n';
  return n.value ?? (n.children ?? []).map(textOf).join('');
}
