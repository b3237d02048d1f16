// On a lab page, for a learner who joined a meetup on this host: each full set of check results is sent
// to the host's room (POST /api/meetup/progress). Nothing is sent without joining.
import { LAB_CHECKED_EVENT, type LabCheckedDetail } from '../submissions/seen-results-observer.ts';
import { meetupMembership } from './meetup-membership.ts';
import { onMeetupHost } from './on-meetup-host.ts';

window.addEventListener(LAB_CHECKED_EVENT, (e) => {
  const member = meetupMembership();
  if (!member || !onMeetupHost()) return;
  const { labId, checks } = (e as CustomEvent<LabCheckedDetail>).detail;
  void fetch('/api/meetup/progress', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ learnerId: member.learnerId, token: member.token, lab: labId, checks }),
  }).catch(() => {
    // the host is gone (or this is not a meetup host): the learner's own work is unaffected
  });
});
