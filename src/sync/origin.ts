/**
 * The sync server's address as the app stores it: an origin (`http(s)://host[:port]`), nothing else. Pure (URL is a
 * standard global of browsers and Node alike).
 */

export type OriginCheck = { ok: true; origin: string } | { ok: false; error: string };

/** Check and normalise what the user typed as the server address (`new URL(x).origin`); one sentence when refused. */
export function normaliseServerOrigin(typed: string): OriginCheck {
  const text = typed.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: 'The server address is not a web address such as https://voicedrill.example.com.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, error: 'The server address must start with https:// or http://.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, error: 'The server address must not carry a user name or password.' };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '' || /[?#]/.test(text)) {
    return { ok: false, error: 'The server address must be just the scheme, host and port, with no path, query or fragment.' };
  }
  if (url.hostname === '') return { ok: false, error: 'The server address has no host name.' };
  return { ok: true, origin: url.origin };
}
