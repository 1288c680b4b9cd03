/**
 * The Content Security Policy: nothing from other origins, ever (no CDNs, fonts, analytics), except that the page
 * may connect to the one team sync server configured in Settings (issue 13). The built page's first element is
 * the classic script /csp-boot.js (made from this file, vite.config.ts), which writes the policy as a <meta> with
 * `connect-src 'self'` plus that origin when one is configured. The HTTP header (preview server, tests' static
 * server) carries the same policy with connect-src left open to http:/https:, so the <meta> is what limits it
 * (policies only intersect). docs/adr/0007-sync-csp.md says why.
 */

/** CSP directives, one per entry (connect-src: only the page's own origin; see `contentSecurityPolicy`). */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  // Inline style *elements* are needed by wavesurfer's shadow DOM; scripts stay strictly same-origin.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The page's policy with no sync server: one header/meta value, connect-src 'self'. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/** The header's policy: the same, but connect-src open to http/https so the page's <meta> alone sets the one origin. */
export const CONTENT_SECURITY_POLICY_HEADER = contentSecurityPolicy('http: https:');

/** Path of the generated boot script that writes the page's <meta> policy (kept in the service worker's precache). */
export const CSP_BOOT_PATH = '/csp-boot.js';

/** Longest origin accepted (a DNS name is at most 253 characters; scheme, brackets and port add the rest). */
export const MAX_SYNC_ORIGIN_LENGTH = 300;

/**
 * The value itself when it is an http(s) origin the CSP can name safely (lower-case host name or bracketed IPv6,
 * optional port, no path, no user, no wildcard, no quote, space, comma or semicolon, exactly as `URL` writes the
 * origin); otherwise null. Self-contained (no outside names): its source text is copied into /csp-boot.js.
 */
export function safeSyncOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 300) return null;
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  const host = `(?:${label}(?:\\.${label})*|\\[[0-9a-f:.]+\\])`;
  if (!new RegExp(`^https?://${host}(?::[1-9][0-9]{0,4})?$`).test(value)) return null;
  let origin: string;
  try {
    origin = new URL(value).origin;
  } catch {
    return null;
  }
  return origin === value ? value : null;
}

/** The policy text allowing connections to the page's own origin and, when given, `extra` (already validated). */
export function contentSecurityPolicy(extra: string | null): string {
  return CSP_DIRECTIVES.map((d) => (d === "connect-src 'self'" && extra !== null ? `${d} ${extra}` : d)).join('; ');
}

/** The page's policy for a stored sync origin: that origin when it is safe, else only 'self'. */
export function pagePolicy(storedOrigin: unknown): string {
  return contentSecurityPolicy(safeSyncOrigin(storedOrigin));
}

/**
 * The text of /csp-boot.js: a classic script that reads `storageKey` from localStorage and appends the page's
 * <meta> policy to <head> ('self' only when storage is unavailable or the value is not a safe origin).
 */
export function cspBootScript(storageKey: string): string {
  const marker = "connect-src 'self'";
  const self = CONTENT_SECURITY_POLICY;
  const at = self.indexOf(marker) + marker.length;
  return [
    '/* Generated from src/pwa/csp.ts at build time: the page\'s Content Security Policy, with the configured sync origin. */',
    '(function () {',
    '  "use strict";',
    `  var safeSyncOrigin = ${safeSyncOrigin.toString()};`,
    '  var origin = null;',
    `  try { origin = safeSyncOrigin(window.localStorage.getItem(${JSON.stringify(storageKey)})); } catch (e) { origin = null; }`,
    `  var policy = ${JSON.stringify(self.slice(0, at))} + (origin === null ? "" : " " + origin) + ${JSON.stringify(self.slice(at))};`,
    '  var meta = document.createElement("meta");',
    '  meta.httpEquiv = "Content-Security-Policy";',
    '  meta.content = policy;',
    '  document.head.appendChild(meta);',
    '})();',
    '',
  ].join('\n');
}
