"use client";

import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/**
 * Exercise prompts are Markdown written by any instructor: rendered with react-markdown and
 * sanitized with rehype-sanitize (GitHub's schema: no script, no event handlers, no javascript:
 * links), raw HTML left as text. Sized to be read from the back of a classroom.
 */
const components: Components = {
  h1: ({ children }) => <h2 className="text-3xl font-bold text-slate-950">{children}</h2>,
  h2: ({ children }) => <h3 className="mt-2 text-2xl font-bold text-slate-950">{children}</h3>,
  h3: ({ children }) => <h4 className="mt-2 text-xl font-bold text-slate-950">{children}</h4>,
  ul: ({ children }) => <ul className="ml-6 list-disc space-y-1">{children}</ul>,
  ol: ({ children }) => <ol className="ml-6 list-decimal space-y-1">{children}</ol>,
  a: ({ children, href }) => (
    <a href={href} className="font-semibold text-brand-700 underline" rel="noreferrer noopener" target="_blank">
      {children}
    </a>
  ),
  pre: ({ children }) => (
    // A fenced block's <code> has no language class either: undo the inline-code look inside <pre>.
    // tabIndex: a block wider than a phone scrolls sideways, and keyboard users must reach it too.
    <pre
      tabIndex={0}
      className="overflow-x-auto rounded-xl bg-slate-900 p-4 font-mono text-lg leading-snug text-slate-50 [&_code]:bg-transparent [&_code]:p-0 [&_code]:text-inherit [&_code]:[overflow-wrap:normal]"
    >
      {children}
    </pre>
  ),
  code: ({ children, className }) =>
    className ? (
      <code className={className}>{children}</code>
    ) : (
      // Long identifiers wrap instead of pushing a phone-width page sideways.
      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.95em] text-slate-900 [overflow-wrap:anywhere]">
        {children}
      </code>
    ),
  blockquote: ({ children }) => (
    <blockquote className="border-l-4 border-slate-300 pl-4 text-slate-700">{children}</blockquote>
  ),
};

export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <div className="flex flex-col gap-4 text-xl leading-relaxed text-slate-800">
      <ReactMarkdown rehypePlugins={[rehypeSanitize]} components={components}>
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
