// <ebc-meetup-join>: POST /api/meetup/join with the name typed; keeps the membership in this browser.
import { rememberLearnerName, learnerName } from '../submissions/learner-name.ts';
import { onMeetupHost } from './on-meetup-host.ts';
import { leaveMeetup, meetupMembership, saveMembership } from './meetup-membership.ts';

class MeetupJoin extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('[data-form]')!;
    const input = form.querySelector<HTMLInputElement>('input[name="name"]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const leave = this.querySelector<HTMLButtonElement>('[data-leave]')!;
    const show = () => {
      const m = meetupMembership();
      leave.hidden = !m;
      status.textContent = m ? `You are in the room as ${m.name}. Open a lab: your check results appear on the host's screen.` : '';
    };
    input.value = meetupMembership()?.name ?? learnerName();
    if (!onMeetupHost()) {
      form.hidden = true;
      status.textContent = 'There is no meetup room here: open the address your host shows (npm run meetup).';
      return;
    }
    show();
    leave.addEventListener('click', () => {
      leaveMeetup();
      show();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        const r = await fetch('/api/meetup/join', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: input.value }) });
        const body = (await r.json()) as { learnerId?: string; token?: string; name?: string; error?: string };
        if (!r.ok || !body.learnerId || !body.token) throw new Error(body.error ?? `the host answered ${r.status}`);
        saveMembership({ learnerId: body.learnerId, token: body.token, name: body.name ?? input.value });
        rememberLearnerName(input.value);
        show();
      } catch (err) {
        status.textContent = `Could not join: ${err instanceof Error ? err.message : String(err)}. Is this page served by the meetup host?`;
      }
    });
  }
}

customElements.define('ebc-meetup-join', MeetupJoin);
