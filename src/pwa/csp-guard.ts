/**
 * The page's safety net for its policy: the build's /csp-boot.js writes the <meta> CSP before anything else loads;
 * if it did not run (a failed request, a stale cache), the header alone would leave connect-src open, so the app
 * writes the strictest page policy itself ('self' only) before it starts any network code.
 */
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** Appends the 'self'-only <meta> policy unless the page already has one; true when it had to. */
export function ensurePagePolicy(doc: Document = document): boolean {
  if (doc.querySelector('meta[http-equiv="Content-Security-Policy" i]')) return false;
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = CONTENT_SECURITY_POLICY;
  doc.head.append(meta);
  return true;
}
