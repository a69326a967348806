import { createElement, type ReactNode } from "react";
import type { SvgNode } from "@/lib/timeline/timeline-svg-nodes";

/** Renders the picture's element tree (the same one the CLI serialises) as React SVG. */
export function SvgTree({ node, rootProps }: { node: SvgNode; rootProps?: Record<string, string> }): ReactNode {
  return render(node, rootProps ?? {}, "root");
}

function render(node: SvgNode, extra: Record<string, string>, key: string): ReactNode {
  const children: ReactNode[] = [];
  if (node.text !== undefined) children.push(node.text);
  (node.children ?? []).forEach((child, i) => children.push(render(child, {}, `${key}.${i}`)));
  return createElement(node.tag, { ...node.attrs, ...extra, key }, ...children);
}
