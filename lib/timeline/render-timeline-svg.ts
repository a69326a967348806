import type { SvgNode } from "./timeline-svg-nodes";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]);
// React's camelCase attribute names back to SVG's (strokeWidth -> stroke-width).
const attrName = (name: string) => (name === "viewBox" ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));

/** A standalone SVG document of the picture (`npm run trace -- F --svg OUT.svg`). */
export function renderTimelineSvg(root: SvgNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(root, root.tag === "svg")}\n`;
}

function serialise(svg: SvgNode, isRoot = false): string {
  const attrs = Object.entries(svg.attrs)
    .map(([name, value]) => ` ${attrName(name)}="${escape(String(value))}"`)
    .join("");
  const role = isRoot ? ' role="img"' : "";
  const inner =
    (svg.text !== undefined ? escape(svg.text) : "") + (svg.children ?? []).map((child) => serialise(child)).join("");
  return `<${svg.tag}${attrs}${role}>${inner}</${svg.tag}>`;
}
