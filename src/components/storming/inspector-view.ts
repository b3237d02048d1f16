// The panel for the selected notes: text and kind, and the fields each step adds (trigger, aggregate,
// owner, consumers, schema fields, aggregates a service handles), grouping into a context, deleting.
import { FIELD_TYPES, STICKY_KINDS, kindInfo, type Board, type Field, type Sticky, type StickyKind } from '../../storming/board-format.ts';
import { contextOf, findSticky } from '../../storming/board-model.ts';

export type InspectorAction =
  | { type: 'update'; id: string; patch: Partial<Omit<Sticky, 'id'>>; focus?: string }
  | { type: 'rename-context'; id: string; name: string }
  | { type: 'group'; contextId: string }
  | { type: 'delete' }
  | { type: 'select'; id: string };

type Act = (a: InspectorAction) => void;

/** Field names must be identifiers (the board format says so): typing anything else is mended, not refused. */
export function fieldName(raw: string): string {
  const cleaned = raw.trim().replace(/[^A-Za-z0-9_]+/g, '_').slice(0, 64);
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`.slice(0, 64);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

// A label beside (not around) its control, so the control's name is the label alone, not label plus value.
function labelled(text: string, control: HTMLElement, key: string): HTMLElement {
  control.dataset.focusKey = key;
  control.id = `sb-i-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return el('span', { className: 'sb-field' }, el('label', { htmlFor: control.id, textContent: text }), control);
}

function select(options: [string, string][], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const s = el('select');
  for (const [v, t] of options) s.append(el('option', { value: v, textContent: t, selected: v === value }));
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

function textInput(value: string, maxLength: number, onCommit: (v: string) => void): HTMLInputElement {
  const i = el('input', { value, maxLength, autocomplete: 'off' });
  i.addEventListener('change', () => onCommit(i.value));
  return i;
}

function checkbox(text: string, checked: boolean, key: string, onChange: (v: boolean) => void): HTMLLabelElement {
  const c = el('input', { type: 'checkbox', checked });
  c.dataset.focusKey = key;
  c.addEventListener('change', () => onChange(c.checked));
  return el('label', { className: 'sb-check-row' }, c, text);
}

const noteName = (b: Board, s: Sticky) => {
  const c = contextOf(b, s);
  return `${s.text || '(empty)'}${c ? ` (${c.name})` : ''}`;
};

// A select plus a button: arrowing through the options of a closed select fires "change" on each one,
// which must not move the notes around.
function groupControl(board: Board, act: Act): HTMLElement[] {
  if (board.contexts.length === 0) return [];
  const s = select(board.contexts.map((c): [string, string] => [c.id, c.name]), board.contexts[0]?.id ?? '', () => undefined);
  const go = el('button', { type: 'button', className: 'sb-btn', textContent: 'Put in context' });
  go.dataset.focusKey = 'inspector:group-go';
  go.addEventListener('click', () => act({ type: 'group', contextId: s.value }));
  return [el('div', { className: 'sb-field-row' }, labelled('Context', s, 'inspector:group'), go)];
}

function deleteButton(act: Act, what: string): HTMLButtonElement {
  const b = el('button', { type: 'button', className: 'sb-btn', textContent: `Delete ${what}` });
  b.dataset.focusKey = 'inspector:delete';
  b.addEventListener('click', () => act({ type: 'delete' }));
  return b;
}

function eventControls(board: Board, s: Sticky, act: Act): HTMLElement[] {
  const update = (patch: Partial<Omit<Sticky, 'id'>>, focus?: string) => act({ type: 'update', id: s.id, patch, focus });
  const of = (kinds: StickyKind[]) => board.stickies.filter((x) => kinds.includes(x.kind));
  const none: [string, string] = ['', '(none yet)'];
  const trigger = select([none, ['time', 'Time (a schedule or a deadline)'], ...of(['command', 'policy', 'actor', 'external']).map((x): [string, string] => [x.id, `${kindInfo(x.kind).label}: ${x.text}`])], s.trigger ?? '', (v) => update({ trigger: v || undefined }));
  const aggregate = select([none, ...of(['aggregate']).map((x): [string, string] => [x.id, noteName(board, x)])], s.aggregate ?? '', (v) => update({ aggregate: v || undefined }));
  const services = of(['service']);
  const owner = select([none, ...services.map((x): [string, string] => [x.id, noteName(board, x)])], s.owner ?? '', (v) => update({ owner: v || undefined }));
  const consumers = el('fieldset', {}, el('legend', { textContent: 'Consumers (step 7)' }));
  if (services.length === 0) consumers.append(el('p', { textContent: 'Name services at step 6 first.' }));
  for (const x of services) {
    consumers.append(checkbox(noteName(board, x), (s.consumers ?? []).includes(x.id), `inspector:consumer:${x.id}`, (on) => {
      const rest = (s.consumers ?? []).filter((c) => c !== x.id);
      update({ consumers: on ? [...rest, x.id] : rest });
    }));
  }
  const fields = s.fields ?? [];
  const setFields = (next: Field[], focus?: string) => update({ fields: next }, focus);
  const schema = el('fieldset', {}, el('legend', { textContent: 'Schema fields (step 8)' }));
  fields.forEach((f, i) => {
    const change = (patch: Partial<Field>) => setFields(fields.map((g, j) => (j === i ? { ...g, ...patch } : g)));
    const name = textInput(f.name, 64, (v) => change({ name: fieldName(v) }));
    const type = select(FIELD_TYPES.map((t): [string, string] => [t, t]), f.type, (v) => change({ type: v as Field['type'] }));
    const remove = el('button', { type: 'button', className: 'sb-btn', textContent: 'Remove' });
    remove.setAttribute('aria-label', `Remove field ${f.name}`);
    remove.dataset.focusKey = `inspector:field:${i}:remove`;
    remove.addEventListener('click', () => setFields(fields.filter((_, j) => j !== i), 'inspector:add-field'));
    schema.append(el('div', { className: 'sb-field-row' },
      labelled(`Field ${i + 1} name`, name, `inspector:field:${i}:name`),
      labelled('Type', type, `inspector:field:${i}:type`),
      checkbox('Required', f.required, `inspector:field:${i}:required`, (v) => change({ required: v })),
      remove));
  });
  const add = el('button', { type: 'button', className: 'sb-btn', textContent: 'Add field' });
  add.dataset.focusKey = 'inspector:add-field';
  add.addEventListener('click', () => setFields([...fields, { name: `field${fields.length + 1}`, type: 'string', required: true }], `inspector:field:${fields.length}:name`));
  schema.append(add);
  return [
    labelled('Trigger (step 3)', trigger, 'inspector:trigger'),
    labelled('Aggregate (step 4)', aggregate, 'inspector:aggregate'),
    labelled('Owner service (step 6)', owner, 'inspector:owner'),
    consumers,
    schema,
  ];
}

function serviceControls(board: Board, s: Sticky, act: Act): HTMLElement[] {
  const box = el('fieldset', {}, el('legend', { textContent: 'Aggregates it handles (step 6)' }));
  const aggregates = board.stickies.filter((x) => x.kind === 'aggregate');
  if (aggregates.length === 0) box.append(el('p', { textContent: 'Add aggregates at step 4 first.' }));
  for (const a of aggregates) {
    box.append(checkbox(noteName(board, a), (s.aggregates ?? []).includes(a.id), `inspector:handles:${a.id}`, (on) => {
      const rest = (s.aggregates ?? []).filter((x) => x !== a.id);
      act({ type: 'update', id: s.id, patch: { aggregates: on ? [...rest, a.id] : rest } });
    }));
  }
  return [box];
}

export function drawInspector(panel: HTMLElement, board: Board, selected: string[], act: Act): void {
  const heading = el('h2', { id: 'sb-inspector-heading', textContent: 'Selected' });
  const body: HTMLElement[] = [];
  if (selected.length === 0) body.push(el('p', { textContent: 'Nothing selected. Tab to a note, or click it; Enter edits it here.' }));
  else if (selected.length > 1) {
    body.push(el('p', { textContent: `${selected.length} items selected.` }), ...groupControl(board, act), deleteButton(act, `${selected.length} items`));
  } else {
    const id = selected[0] as string;
    const s = findSticky(board, id);
    const c = board.contexts.find((x) => x.id === id);
    if (c) {
      body.push(
        labelled('Context name', textInput(c.name, 80, (v) => v.trim() && act({ type: 'rename-context', id, name: v.trim() })), 'inspector:text'),
        el('p', { textContent: 'Arrow keys on the context name move it with its notes; Alt+arrows resize it.' }),
        deleteButton(act, 'context (its notes stay)'),
      );
    } else if (s) {
      const back = el('button', { type: 'button', className: 'sb-btn', textContent: 'Back to the note' });
      back.addEventListener('click', () => act({ type: 'select', id }));
      body.push(
        el('p', { textContent: `${kindInfo(s.kind).label}${contextOf(board, s) ? `, in ${contextOf(board, s)?.name}` : ''}.` }),
        labelled('Text', textInput(s.text, 200, (v) => act({ type: 'update', id, patch: { text: v } })), 'inspector:text'),
        labelled('Kind', select(STICKY_KINDS.map((k): [string, string] => [k.kind, k.label]), s.kind, (v) => act({ type: 'update', id, patch: { kind: v as StickyKind } })), 'inspector:kind'),
        ...(s.kind === 'event' ? eventControls(board, s, act) : []),
        ...(s.kind === 'service' ? serviceControls(board, s, act) : []),
        ...groupControl(board, act),
        deleteButton(act, 'note'),
        back,
      );
    }
  }
  panel.replaceChildren(heading, ...body);
}
