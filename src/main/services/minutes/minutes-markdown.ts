import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { stringify } from 'yaml';
import type { ExportedFile, MeetingDetail } from '@shared/planning';
import { minutesFileName, minutesMeta } from './minutes-meta';
import { minutesTree } from './minutes-tree';

/**
 * The minutes as GitHub-flavoured Markdown with a YAML front matter of the meeting's metadata.
 * The YAML is written by a YAML serialiser (quoting what needs quoting) and the body by
 * mdast-util-to-markdown from the minutes tree, so typed text never changes the structure.
 */
export function minutesMarkdown(detail: MeetingDetail): ExportedFile {
  const meta = minutesMeta(detail);
  const root = minutesTree(detail);
  const yaml = stringify(meta, { lineWidth: 0, blockQuote: false }).trimEnd();
  const content = toMarkdown(
    { ...root, children: [{ type: 'yaml', value: yaml }, ...root.children] },
    { extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])], bullet: '-' },
  );
  return { suggestedName: minutesFileName(meta, 'md'), content };
}
