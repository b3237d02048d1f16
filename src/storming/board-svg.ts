// A picture of the board as SVG text (no DOM), for the page's "Download picture" and for the CLI.
import type { Board } from './board-format.ts';
import { kindInfo } from './board-format.ts';
import { extent, STICKY_H, STICKY_W } from './board-model.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Breaks text into lines of about `width` characters, at most `max` lines. */
export function wrap(text: string, width = 16, max = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > max ? [...lines.slice(0, max - 1), `${lines[max - 1]}…`] : lines;
}

export function boardSvg(board: Board): string {
  const { w, h } = extent(board);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif" font-size="13">`,
    `<title>${esc(board.title)}</title>`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<line x1="8" y1="20" x2="${w - 16}" y2="20" stroke="#868e96" stroke-width="2"/><text x="${w - 60}" y="14" fill="#495057">time →</text>`,
  ];
  for (const c of board.contexts) {
    parts.push(`<rect x="${c.x}" y="${c.y}" width="${c.w}" height="${c.h}" rx="8" fill="none" stroke="#495057" stroke-width="2" stroke-dasharray="8 5"/>`);
    parts.push(`<text x="${c.x + 12}" y="${c.y + 22}" font-weight="700" font-size="15" fill="#212529">${esc(c.name)}</text>`);
  }
  for (const s of board.stickies) {
    const k = kindInfo(s.kind);
    parts.push(`<g><title>${esc(`${k.label}: ${s.text}`)}</title><rect x="${s.x}" y="${s.y}" width="${STICKY_W}" height="${STICKY_H}" rx="3" fill="${k.colour}" stroke="#00000033"/>`);
    wrap(s.text).forEach((line, i) => parts.push(`<text x="${s.x + 8}" y="${s.y + 20 + i * 16}" fill="#212529">${esc(line)}</text>`));
    parts.push('</g>');
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
