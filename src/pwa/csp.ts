/**
 * The Content Security Policy: nothing from other origins, ever (no CDNs, fonts, analytics).
 * Applied as a <meta> tag in the built page and as a header by the preview server.
 */

/** CSP directives, one per entry. */
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

/** The policy as one header/meta value. */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');
