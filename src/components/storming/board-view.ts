// Draws the board: the timeline, bounded contexts as named areas and every note as a button, so each
// is reachable by Tab and announced with its kind and text.
import { kindInfo, type Board, type Sticky } from '../../storming/board-format.ts';
import { contextOf, extent } from '../../storming/board-model.ts';

/** What a screen reader says for a note (selection is its pressed state). */
export function itemLabel(board: Board, s: Sticky): string {
  const c = contextOf(board, s);
  return `${kindInfo(s.kind).label}: ${s.text || '(empty)'}${c ? `, in ${c.name}` : ''}`;
}

export function drawCanvas(canvas: HTMLElement, board: Board, selected: ReadonlySet<string>, zoom: number): void {
  const { w, h } = extent(board);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  canvas.style.transform = zoom === 1 ? '' : `scale(${zoom})`;
  // The scroll area follows the scaled size (a transform alone does not change layout).
  canvas.style.marginRight = `${w * zoom - w}px`;
  canvas.style.marginBottom = `${h * zoom - h}px`;
  const line = document.createElement('div');
  line.className = 'sb-timeline';
  line.style.width = `${w - 24}px`;
  line.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.textContent = 'time →';
  line.append(label);
  const nodes: HTMLElement[] = [line];
  for (const c of board.contexts) {
    const area = document.createElement('div');
    area.className = 'sb-context';
    Object.assign(area.style, { left: `${c.x}px`, top: `${c.y}px`, width: `${c.w}px`, height: `${c.h}px` });
    const name = document.createElement('button');
    name.type = 'button';
    name.className = 'sb-context-name';
    name.textContent = c.name;
    name.dataset.itemId = c.id;
    name.dataset.focusKey = `item:${c.id}`;
    name.setAttribute('aria-pressed', String(selected.has(c.id)));
    name.setAttribute('aria-label', `Bounded context: ${c.name}`);
    name.setAttribute('aria-describedby', 'sb-keys');
    area.append(name);
    nodes.push(area);
  }
  for (const s of board.stickies) {
    const el = document.createElement('button');
    el.type = 'button';
    el.className = 'sb-sticky';
    el.dataset.itemId = s.id;
    el.dataset.focusKey = `item:${s.id}`;
    el.dataset.kind = s.kind;
    const c = contextOf(board, s);
    if (c) el.dataset.context = c.id;
    Object.assign(el.style, { left: `${s.x}px`, top: `${s.y}px`, background: kindInfo(s.kind).colour });
    el.setAttribute('aria-pressed', String(selected.has(s.id)));
    el.setAttribute('aria-describedby', 'sb-keys');
    // The name holds the visible text (kind, then text; the space keeps the two words apart) plus the context.
    el.setAttribute('aria-label', itemLabel(board, s));
    const kind = document.createElement('span');
    kind.className = 'sb-sticky-kind';
    kind.textContent = kindInfo(s.kind).label;
    el.append(kind, ` ${s.text || '(empty)'}`);
    nodes.push(el);
  }
  canvas.replaceChildren(...nodes);
}
