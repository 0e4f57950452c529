/**
 * Downloads one web page for "Add Source" with hard limits: http(s) only (also after
 * redirects), a time limit, a size limit enforced while reading (a server can lie in
 * Content-Length or send none), and HTML only. Uses Node's global fetch; no vscode.
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
  try {
    res = await fetch(checked.url, {
      redirect: 'follow',
      signal,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Corroborate (VS Code extension)' },
    });
  } catch (e) {
    throw networkError(e, checked.url, limits, timeout);
  }
  try {
    const finalUrl = new URL(res.url || checked.url.href);
    if (finalUrl.protocol !== 'http:' && finalUrl.protocol !== 'https:') throw new FetchError(`the page redirected to a ${finalUrl.protocol} address`);
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
