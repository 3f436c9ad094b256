import { renderMarkdown } from '@/lib/markdown';

/**
 * Markdown written by a person, rendered through the sanitising pipeline (lib/markdown): the only
 * place in the app where HTML from people is inserted into a page.
 */
export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  if (!source.trim()) return null;
  return (
    <div
      className={`max-w-3xl leading-relaxed [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-3 [&_blockquote]:text-stone-700 [&_code]:rounded [&_code]:bg-stone-100 [&_code]:px-1 [&_h1]:mt-4 [&_h1]:text-xl [&_h1]:font-bold [&_h2]:mt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_img]:my-2 [&_img]:max-w-full [&_img]:rounded [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-stone-100 [&_pre]:p-3 [&_table]:my-2 [&_td]:border [&_td]:border-stone-300 [&_td]:px-2 [&_th]:border [&_th]:border-stone-300 [&_th]:px-2 [&_ul]:list-disc [&_ul]:pl-6 ${className}`}
      // Safe: renderMarkdown drops raw HTML, scripts, event handlers and non-http(s) links.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }}
    />
  );
}
