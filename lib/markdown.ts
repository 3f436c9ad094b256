import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Markdown → safe HTML, for everything people write (path descriptions, resource bodies).
 *
 * - Raw HTML is never passed through: remark-rehype drops it (no `allowDangerousHtml`).
 * - rehype-sanitize (GitHub's schema, tightened) keeps a known set of elements and attributes:
 *   no `<script>`, `<style>`, `<iframe>`, no `on*` handlers, no `style`.
 * - Links and images keep only http(s)/mailto (links) and http(s) (images) URLs, or relative ones;
 *   `javascript:`, `data:`, `vbscript:` and the like are dropped.
 * - Links leaving the site open with `rel="nofollow noopener noreferrer"`.
 */
const schema = {
  ...defaultSchema,
  // GitHub's schema prefixes ids and names with `user-content-`: kept, so headings cannot clobber page ids.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['input'].includes(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'], cite: ['http', 'https'] },
  attributes: {
    ...defaultSchema.attributes,
    a: [...(defaultSchema.attributes?.a ?? []), 'rel'],
  },
};

function externalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'a') return;
      const href = node.properties?.href;
      if (typeof href === 'string' && /^https?:\/\//i.test(href)) node.properties.rel = ['nofollow', 'noopener', 'noreferrer'];
    });
  };
}

const toSafeTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema).use(externalLinks).freeze();
const processor = toSafeTree().use(rehypeStringify).freeze();

/** The longest Markdown rendered (longer text is cut first: a body that large is a mistake or an attack). */
export const MARKDOWN_MAX_CHARS = 200_000;

/** Render Markdown written by a person into HTML that is safe to insert into a page. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown.slice(0, MARKDOWN_MAX_CHARS)));
}

/** Plain text of a Markdown text (summaries, feeds, search snippets): the text of the safe tree, spaces collapsed. */
export function markdownToText(markdown: string): string {
  const tree = toSafeTree.runSync(toSafeTree.parse(markdown.slice(0, MARKDOWN_MAX_CHARS))) as Root;
  const parts: string[] = [];
  visit(tree, 'text', (node: { value: string }) => {
    parts.push(node.value);
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
