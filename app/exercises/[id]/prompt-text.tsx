import { MarkdownText } from "@/app/_components/markdown-text";

/**
 * Renders an exercise prompt: Markdown written by any instructor, through the shared sanitized
 * renderer (react-markdown + rehype-sanitize), the same one the instructor's editor previews with.
 */
export function PromptText({ markdown }: { markdown: string }) {
  return <MarkdownText markdown={withoutLeadingTitle(markdown)} />;
}

/** Prompts open with their title as "# …"; the page already shows the title as its heading. */
export function withoutLeadingTitle(markdown: string): string {
  return markdown.replace(/^\s*# [^\n]*\n?/, "");
}
