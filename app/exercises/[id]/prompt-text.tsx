import type { ReactNode } from "react";

/**
 * Renders an exercise prompt (a small, trusted subset of Markdown written by instructors): headings,
 * paragraphs, bullet lists, fenced code blocks, `inline code` and **bold**. No HTML is interpreted,
 * so nothing in a prompt can inject markup.
 */
export function PromptText({ markdown }: { markdown: string }) {
  const blocks = blocksOf(markdown);
  // Prompts open with their title as "# …"; the page already shows the title as its heading.
  if (blocks[0]?.type === "heading" && blocks[0].level === 1) blocks.shift();
  return <div className="flex flex-col gap-4 text-xl leading-relaxed text-slate-800">{blocks.map(renderBlock)}</div>;
}

type Block = { type: "code"; text: string } | { type: "heading"; level: number; text: string } | { type: "list"; items: string[] } | { type: "paragraph"; text: string };

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("```")) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) code.push(lines[i]);
      blocks.push({ type: "code", text: code.join("\n") });
    } else if (/^#{1,4} /.test(line)) {
      flush();
      const [, hashes, text] = /^(#+) (.*)$/.exec(line) ?? ["", "#", line];
      blocks.push({ type: "heading", level: hashes.length, text });
    } else if (/^\s*[-*] /.test(line)) {
      flush();
      const last = blocks[blocks.length - 1];
      const item = line.replace(/^\s*[-*] /, "");
      if (last?.type === "list") last.items.push(item);
      else blocks.push({ type: "list", items: [item] });
    } else if (/^\s+\S/.test(line) && blocks[blocks.length - 1]?.type === "list" && paragraph.length === 0) {
      // A wrapped list item continues on an indented line.
      const last = blocks[blocks.length - 1];
      if (last.type === "list") last.items[last.items.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === "") {
      flush();
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

function renderBlock(block: Block, index: number): ReactNode {
  if (block.type === "code") {
    return (
      <pre key={index} className="overflow-x-auto rounded-xl bg-slate-900 p-4 font-mono text-lg leading-snug text-slate-50">
        {block.text}
      </pre>
    );
  }
  if (block.type === "heading") {
    const className = block.level <= 1 ? "text-3xl font-bold text-slate-950" : "mt-2 text-2xl font-bold text-slate-950";
    return block.level <= 1 ? <h2 key={index} className={className}>{inline(block.text)}</h2> : <h3 key={index} className={className}>{inline(block.text)}</h3>;
  }
  if (block.type === "list") {
    return (
      <ul key={index} className="ml-6 list-disc space-y-1">
        {block.items.map((item, i) => <li key={i}>{inline(item)}</li>)}
      </ul>
    );
  }
  return <p key={index}>{inline(block.text)}</p>;
}

/** `code`, **bold** and *emphasis*; everything else is plain text. */
function inline(text: string): ReactNode[] {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/g).map((part, i) => {
    if (part.startsWith("`") && part.endsWith("`") && part.length > 1) {
      return <code key={i} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono [overflow-wrap:anywhere] text-[0.95em] text-slate-900">{part.slice(1, -1)}</code>;
    }
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("*") && part.endsWith("*") && part.length > 2) return <em key={i}>{part.slice(1, -1)}</em>;
    return part;
  });
}
