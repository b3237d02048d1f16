// The meetup host marks the pages it serves with a cookie; elsewhere (a static host, `astro preview`) the
// meetup pages make no request to an API that is not there.
export const HOST_COOKIE = 'ebc-meetup-host=1';

export function onMeetupHost(): boolean {
  return document.cookie.split(/;\s*/).includes(HOST_COOKIE);
}
