import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { ExportedFile } from '@shared/planning';
import { minutesFileName, minutesMeta } from './minutes-meta';
import { minutesTree, type MinutesSource } from './minutes-tree';

/**
 * The minutes as GitHub-flavoured Markdown with a YAML front matter of the meeting's metadata.
 * The YAML is written by a YAML serialiser (quoting what needs quoting) and the body by
 * mdast-util-to-markdown from the minutes tree, so typed text never changes the structure.
 */
export function minutesMarkdown(source: MinutesSource): ExportedFile {
  const meta = minutesMeta(source.detail);
  const root = minutesTree(source);
  const yaml = stringify(meta, { lineWidth: 0, blockQuote: false }).trimEnd();
  // The front matter's title is the document's title, as static site generators and markdownlint (MD025)
  // read it: a heading 1 as well would be a second one. The HTML, which has no front matter, keeps it.
  const body = root.children.filter((node) => !(node.type === 'heading' && node.depth === 1));
  const content = toMarkdown(
    { ...root, children: [{ type: 'yaml', value: yaml }, ...body] },
    { extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])], bullet: '-' },
  );
  return { suggestedName: minutesFileName(meta, 'md'), content };
}
