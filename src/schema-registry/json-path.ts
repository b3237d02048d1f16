// Turns JSON pointers ("/detail/items/0/price") into the dotted paths learners read ("detail.items[0].price").

export function pointerToPath(pointer: string): string {
  if (pointer === '') return '';
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  return joinPath('', parts);
}

export function joinPath(base: string, parts: readonly string[]): string {
  let out = base;
  for (const part of parts) {
    if (/^\d+$/.test(part)) out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}
