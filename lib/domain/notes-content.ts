import type { JSONContent } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import StarterKit from '@tiptap/starter-kit';
import type { BlockContent, DefinitionContent, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

/**
 * The notes' content: the Tiptap extensions that make its schema (shared by the server, which
 * renders stored notes, and the editor, which adds collaboration on top), and the ProseMirror JSON
 * of a document as Markdown and plain text.
 */

/** StarterKit (paragraphs, headings, lists, quotes, code, links, bold, italic…) and task lists. Undo/redo is Yjs's in the editor. */
export const notesExtensions = () => [StarterKit.configure({ undoRedo: false }), TaskList, TaskItem.configure({ nested: true })];

type Mark = NonNullable<JSONContent['marks']>[number];

/** Links kept in Markdown: web and mail addresses, and same-site paths (a `javascript:` link is left as its text). */
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

function inline(nodes: JSONContent[] | undefined): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      out.push({ type: 'break' });
      continue;
    }
    if (n.type !== 'text' || !n.text) continue;
    const marks = n.marks ?? [];
    const has = (type: string) => marks.find((m: Mark) => m.type === type);
    let node: PhrasingContent = has('code') ? { type: 'inlineCode', value: n.text } : { type: 'text', value: n.text };
    if (has('strike')) node = { type: 'delete', children: [node] };
    if (has('italic')) node = { type: 'emphasis', children: [node] };
    if (has('bold')) node = { type: 'strong', children: [node] };
    const link = has('link');
    const href = typeof link?.attrs?.href === 'string' && SAFE_HREF.test(link.attrs.href) ? link.attrs.href : null;
    if (href) node = { type: 'link', url: href, children: [node] };
    out.push(node);
  }
  return out;
}

const textOf = (n: JSONContent): string => (n.type === 'text' ? (n.text ?? '') : (n.content ?? []).map(textOf).join(''));

function listItem(n: JSONContent): ListItem {
  const item: ListItem = { type: 'listItem', spread: false, children: blocks(n.content) as (BlockContent | DefinitionContent)[] };
  if (n.type === 'taskItem') item.checked = Boolean(n.attrs?.checked);
  return item;
}

function block(n: JSONContent): RootContent | null {
  switch (n.type) {
    case 'paragraph':
      return { type: 'paragraph', children: inline(n.content) };
    case 'heading': {
      const level = Number(n.attrs?.level);
      return { type: 'heading', depth: (level >= 1 && level <= 6 ? level : 1) as 1 | 2 | 3 | 4 | 5 | 6, children: inline(n.content) };
    }
    case 'bulletList':
    case 'taskList':
      return { type: 'list', ordered: false, spread: false, children: (n.content ?? []).map(listItem) };
    case 'orderedList':
      return { type: 'list', ordered: true, start: Number(n.attrs?.start ?? 1) || 1, spread: false, children: (n.content ?? []).map(listItem) };
    case 'blockquote':
      return { type: 'blockquote', children: blocks(n.content) as (BlockContent | DefinitionContent)[] };
    case 'codeBlock':
      return { type: 'code', lang: typeof n.attrs?.language === 'string' ? n.attrs.language : null, value: textOf(n) };
    case 'horizontalRule':
      return { type: 'thematicBreak' };
    default:
      return n.content ? { type: 'paragraph', children: inline(n.content) } : null;
  }
}

const blocks = (nodes: JSONContent[] | undefined): RootContent[] => (nodes ?? []).map(block).filter((b): b is RootContent => b !== null);

/** A notes document (ProseMirror JSON, `doc` at the root) as Markdown (GFM: task items `- [ ]`, strikethrough). */
export function notesMarkdown(doc: JSONContent): string {
  const root: Root = { type: 'root', children: blocks(doc.content) };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).stringify(root);
}

const BLOCKS_WITH_LINES = new Set(['paragraph', 'heading', 'codeBlock', 'listItem', 'taskItem']);

/** The document's plain text: a line per paragraph, heading, list item or code block. */
export function notesText(doc: JSONContent): string {
  const lines: string[] = [];
  const walk = (n: JSONContent) => {
    if (BLOCKS_WITH_LINES.has(n.type ?? '') && !(n.content ?? []).some((c) => c.type !== 'text' && c.type !== 'hardBreak')) {
      lines.push((n.content ?? []).map((c) => (c.type === 'hardBreak' ? '\n' : (c.text ?? ''))).join(''));
      return;
    }
    (n.content ?? []).forEach(walk);
  };
  walk(doc);
  return lines.join('\n');
}
