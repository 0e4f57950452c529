/** Exit codes shared by the commands (see each command's usage for what 1 and 4 mean there). */
export const EXIT = { ok: 0, differences: 1, usage: 2, someUnreadable: 3, nothingToCompare: 4, internal: 5 } as const;

/** The process as a command sees it, so tests can run commands in-process. */
export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  columns?: number;
  env: Record<string, string | undefined>;
}
