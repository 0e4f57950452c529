/**
 * A `command:` URI for a Markdown link. Arguments are JSON, percent-encoded, with the
 * characters that encodeURIComponent leaves alone but a Markdown link destination would end
 * on or treat specially also encoded, so source text inside the arguments cannot break out.
 */
export function commandLink(command: string, args: unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${command}?${encoded}`;
}
