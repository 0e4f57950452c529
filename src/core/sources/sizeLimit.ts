/**
 * The default largest source file, in MB: the CLI's `--max-size` and the extension's
 * `corroborate.maxSourceSizeMB`. Saved articles are KBs; a saved web page with inline styles
 * and images a few MB. The engine's time grows faster than the size of a single source
 * (measured on the shared 2-core machine, in one process: 1 MB of news prose 6–14 s, 5 MB
 * 36 s, 10 MB about 9 minutes and 1 GB; see README "Bad files"), so a 50 MB file would keep the worker busy for a very long time; such a
 * file is almost never one article. Larger files are refused by name with this limit, and
 * the limit can be raised for the rare case (the comparison then runs in the background and
 * can be cancelled).
 */
export const DEFAULT_MAX_SOURCE_MB = 10;
