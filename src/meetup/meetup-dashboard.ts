// <ebc-meetup-dashboard>: renders the room from the host's event stream; reconnects by itself (EventSource).
import type { PublicRoom } from './room-state.ts';
import { onMeetupHost } from './on-meetup-host.ts';

class MeetupDashboard extends HTMLElement {
  connectedCallback() {
    const labs = JSON.parse(this.dataset.labs ?? '[]') as { id: string; title: string }[];
    const status = this.querySelector<HTMLElement>('[data-connection]')!;
    if (!onMeetupHost()) {
      status.textContent = 'This page works on a meetup host only: run npm run meetup and open /meetup/ there.';
      return;
    }
    void fetch('/api/meetup/info')
      .then(async (r) => {
        if (!r.ok) throw new Error(String(r.status));
        const info = (await r.json()) as { joinUrl: string; qrSvg: string };
        const link = this.querySelector<HTMLAnchorElement>('[data-join-url]')!;
        link.href = info.joinUrl;
        link.textContent = info.joinUrl;
        // The SVG is made by the host's QR library from the host's own URL.
        this.querySelector('[data-qr]')!.innerHTML = info.qrSvg;
      })
      .catch(() => {
        status.textContent = 'This page works on a meetup host only: run npm run meetup and open /meetup/ there.';
      });
    const events = new EventSource('/api/meetup/events');
    events.addEventListener('open', () => (status.textContent = 'Live: updates appear as learners check their labs.'));
    events.addEventListener('error', () => (status.textContent = 'Not connected to the meetup host; retrying…'));
    events.addEventListener('room', (e) => this.render(JSON.parse((e as MessageEvent<string>).data) as PublicRoom, labs));
  }

  private render(room: PublicRoom, labs: { id: string }[]) {
    this.querySelector('[data-count]')!.textContent = String(room.learners.length);
    const rows = room.learners.map((l) => {
      const tr = document.createElement('tr');
      tr.dataset.learner = l.name;
      const th = Object.assign(document.createElement('th'), { scope: 'row', textContent: l.name });
      tr.append(th);
      for (const lab of labs) {
        const p = l.labs[lab.id];
        const td = document.createElement('td');
        td.dataset.lab = lab.id;
        td.dataset.state = !p ? 'none' : p.passed === p.total ? 'passed' : 'partial';
        td.textContent = p ? `${p.passed}/${p.total}` : '–';
        if (p) td.title = p.checks.map((c) => `${c.status}: ${c.title}`).join('\n');
        tr.append(td);
      }
      return tr;
    });
    this.querySelector('[data-rows]')!.replaceChildren(...rows);
  }
}

customElements.define('ebc-meetup-dashboard', MeetupDashboard);
