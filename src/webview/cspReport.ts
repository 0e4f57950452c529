/// <reference lib="dom" />
import type { Host } from './vscodeApi';

/**
 * Reports every Content-Security-Policy violation of the panel's page to the host. The page
 * never builds markup from source text, so a violation means something went wrong: the host
 * logs it and counts it (the browser test fails on any). The count is also kept on the body
 * (`data-csp-violations`) so a test driving the page can read it without the host.
 */
export function reportCspViolations(host: Host): void {
  let count = 0;
  document.addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
    count++;
    document.body?.setAttribute('data-csp-violations', String(count));
    host.post({
      type: 'cspViolation',
      directive: String(e.effectiveDirective || e.violatedDirective || ''),
      blocked: String(e.blockedURI || ''),
      sample: String(e.sample || '').slice(0, 200),
    });
  });
}
