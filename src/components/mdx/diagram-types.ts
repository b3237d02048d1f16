// Data for <Diagram>: boxes and arrows laid out on a grid by the author, drawn as accessible SVG.

export type NodeKind =
  | 'service' // a microservice or application
  | 'function' // a Lambda function
  | 'queue'
  | 'store' // a bucket or table
  | 'bus' // an event bus (wide bar)
  | 'event' // orange sticky note: a domain event
  | 'command' // blue sticky note
  | 'aggregate' // yellow sticky note
  | 'actor' // small yellow note for people
  | 'policy' // lilac note
  | 'context' // a dashed boundary drawn behind other nodes
  | 'plain';

export interface DiagramNode {
  id: string;
  /** Text; "\n" starts a new line. */
  label: string;
  x: number;
  y: number;
  w?: number;
  h?: number;
  kind?: NodeKind;
}

export interface DiagramEdge {
  from: string;
  to: string;
  label?: string;
  dashed?: boolean;
  /** Draw arrow heads at both ends. */
  both?: boolean;
}

export interface DiagramSpec {
  width: number;
  height: number;
  nodes: DiagramNode[];
  edges?: DiagramEdge[];
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function boxOf(n: DiagramNode): Box {
  const w = n.w ?? (n.kind === 'actor' ? 90 : 140);
  const h = n.h ?? (n.kind === 'actor' ? 40 : 56);
  return { x: n.x, y: n.y, w, h };
}

/** The point where the segment from the centre of `b` towards (tx, ty) leaves the box. */
export function exitPoint(b: Box, tx: number, ty: number): { x: number; y: number } {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const dx = tx - cx;
  const dy = ty - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const sx = dx === 0 ? Infinity : b.w / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : b.h / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: cx + dx * s, y: cy + dy * s };
}

/** Checks a spec: unique node ids, edges between existing nodes, nodes inside the canvas. */
export function diagramProblems(spec: DiagramSpec): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const n of spec.nodes) {
    if (ids.has(n.id)) problems.push(`node "${n.id}" is defined twice`);
    ids.add(n.id);
    const b = boxOf(n);
    if (b.x < 0 || b.y < 0 || b.x + b.w > spec.width || b.y + b.h > spec.height) {
      problems.push(`node "${n.id}" lies outside the ${spec.width}×${spec.height} canvas`);
    }
  }
  for (const e of spec.edges ?? []) {
    if (!ids.has(e.from)) problems.push(`edge from unknown node "${e.from}"`);
    if (!ids.has(e.to)) problems.push(`edge to unknown node "${e.to}"`);
  }
  return problems;
}
