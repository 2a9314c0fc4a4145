import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document } from 'yaml';
import { frontMatterYaml, quoteForYaml11Readers } from '../exports/yaml-readers';
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
  // One heading 1 first, as markdownlint asks (MD041, MD025) and as a code host shows a page's title: the minutes'
  // own heading. MD025 counts a front matter `title` as a heading 1 as well, so the meeting's title is under
  // `meeting` there.
  const { title, ...rest } = meta;
  const doc = quoteForYaml11Readers(new Document({ meeting: title, ...rest }), ['date']);
  const yaml = frontMatterYaml(doc, { lineWidth: 0, blockQuote: false }).trimEnd();
  const content = toMarkdown(
    { ...root, children: [{ type: 'yaml', value: yaml }, ...root.children] },
    // A tab typed inside a line is written as a character reference (`&#x9;`): a reader gets the tab back, and
    // markdownlint (MD010) finds no hard tab in the file.
    { extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml'])], bullet: '-', unsafe: [{ character: '\t' }] },
  );
  return { suggestedName: minutesFileName(meta, 'md'), content };
}
