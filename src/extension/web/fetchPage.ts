/**
 * Downloads one web page for "Add Source" with hard limits: http(s) only (also after
 * redirects), at most MAX_REDIRECTS redirects, none of them to a more private address than
 * the one asked for (a public page cannot send the request to this machine or the local
 * network), a time limit for the whole exchange, a size limit enforced while reading (a
 * server can lie in Content-Length or send none), and HTML only. Uses Node's global fetch
 * (GET, no cookies, no Referer, no credentials); no vscode. This is the extension's only
 * network code (test/unit/noNetwork.test.ts keeps it so).
 */

export interface FetchedPage {
  bytes: Uint8Array;
  contentType: string;
  /** The URL after redirects. */
  url: string;
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

export const DEFAULT_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };

export const MAX_REDIRECTS = 5;

/** The request headers besides those Node's fetch adds itself (see the README's "Security and privacy"). */
export const REQUEST_HEADERS: Readonly<Record<string, string>> = {
  accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  'user-agent': 'Corroborate (VS Code extension)',
};

/** A failure to tell the user about, in words they can act on. */
export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

/** The URL if it is one we may fetch, else the reason it is not. */
export function checkUrl(input: string): { url: URL } | { error: string } {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { error: 'Not a URL. Enter a web address starting with https:// or http://' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `Only http and https addresses can be fetched, not ${url.protocol}` };
  if (url.username || url.password) return { error: 'Addresses with a user name or password are not fetched' };
  url.hash = '';
  return { url };
}

export async function fetchPage(input: string, limits: FetchLimits = DEFAULT_LIMITS): Promise<FetchedPage> {
  const checked = checkUrl(input);
  if ('error' in checked) throw new FetchError(checked.error);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = limits.signal ? AbortSignal.any([timeout, limits.signal]) : timeout;
  let res: Response;
  let finalUrl = checked.url;
  for (let redirects = 0; ; redirects++) {
    try {
      // Redirects are followed here, one by one, so that each target is checked before it is asked.
      res = await fetch(finalUrl, { method: 'GET', redirect: 'manual', credentials: 'omit', signal, headers: REQUEST_HEADERS });
    } catch (e) {
      throw networkError(e, finalUrl, limits, timeout);
    }
    // A spec-following fetch hides a manual redirect (type "opaqueredirect", status 0): not followed blind.
    if (res.type === 'opaqueredirect' || res.status === 0) throw new FetchError('the page redirected, and the address it leads to cannot be checked');
    if (res.status < 300 || res.status > 399 || res.status === 304) break;
    await res.body?.cancel().catch(() => undefined);
    const location = res.headers.get('location');
    if (!location) throw new FetchError(`the server answered ${res.status} without saying where to`);
    if (redirects >= MAX_REDIRECTS) throw new FetchError(`too many redirects (more than ${MAX_REDIRECTS})`);
    const next = redirectTarget(finalUrl, location);
    if ('error' in next) throw new FetchError(next.error);
    finalUrl = next.url;
  }
  try {
    if (!res.ok) throw new FetchError(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const contentType = res.headers.get('content-type') ?? '';
    if (contentType && !/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType)) {
      throw new FetchError(`not a web page (${contentType.split(';')[0].trim()}); save the article as .txt, .md or .html and add the file`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) throw new FetchError(tooLarge(limits.maxBytes));
    const bytes = await readLimited(res, limits.maxBytes);
    return { bytes, contentType, url: finalUrl.href };
  } catch (e) {
    await res.body?.cancel().catch(() => undefined);
    if (e instanceof FetchError) throw e;
    throw networkError(e, checked.url, limits, timeout);
  }
}

/** Where a redirect may lead: http(s), no credentials, and no more private than where it came from. */
export function redirectTarget(from: URL, location: string): { url: URL } | { error: string } {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    return { error: 'the page redirected to an address that is not a URL' };
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return { error: `the page redirected to a ${to.protocol} address` };
  const checked = checkUrl(to.href);
  if ('error' in checked) return { error: `the page redirected to an address that is not fetched: ${checked.error}` };
  const [a, b] = [addressClass(from.hostname), addressClass(to.hostname)];
  if (PRIVACY[b] > PRIVACY[a]) return { error: `the page redirected from a ${a} address to a ${b} one (${to.host}); not followed` };
  return checked;
}

export type AddressClass = 'public' | 'local-network' | 'this-computer';
const PRIVACY: Record<AddressClass, number> = { public: 0, 'local-network': 1, 'this-computer': 2 };

/**
 * How private a URL's host is, from its name alone (DNS is not consulted, so a public name
 * that resolves to a private address counts as public): loopback and `localhost` are this
 * computer; RFC 1918, link-local (cloud metadata), CGNAT, IPv6 unique-local and link-local
 * addresses, single-label names and the .local, .lan, .internal, .home.arpa names are the
 * local network.
 */
export function addressClass(hostname: string): AddressClass {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return 'this-computer';
  const v4 = ipv4(host) ?? mappedIpv4(host);
  if (v4) {
    const [a, b] = v4;
    if (a === 127 || a === 0) return 'this-computer';
    if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127)) return 'local-network';
    return 'public';
  }
  if (host.includes(':')) {
    if (host === '::1' || host === '::') return 'this-computer';
    if (/^f[cd]/.test(host) || /^fe[89ab]/.test(host)) return 'local-network';
    return 'public';
  }
  if (!host.includes('.') || /\.(local|lan|internal|intranet|home\.arpa)$/.test(host)) return 'local-network';
  return 'public';
}

function ipv4(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : undefined;
}

/** `::ffff:7f00:1` (how the URL parser writes ::ffff:127.0.0.1) as IPv4. */
function mappedIpv4(host: string): number[] | undefined {
  const m = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!m) return ipv4(host.replace(/^::ffff:/, ''));
  const [hi, lo] = [parseInt(m[1], 16), parseInt(m[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255];
}

async function readLimited(res: Response, maxBytes: number): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(tooLarge(maxBytes));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number): string {
  return `the page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`;
}

function networkError(e: unknown, url: URL, limits: FetchLimits, timeout: AbortSignal): Error {
  if (timeout.aborted) return new FetchError(`${url.host} did not answer within ${Math.round(limits.timeoutMs / 1000)} s`);
  if (limits.signal?.aborted) return new FetchError('cancelled');
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const detail = cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
  return new FetchError(`could not reach ${url.host} (${detail})`);
}
