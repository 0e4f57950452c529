import type { Services } from '../commands/services';

/**
 * Corroborate: Clear Cache — deletes the cached analyses and comparisons (the worker owns the
 * folder, so it does the deleting, after its pending writes). Sources are never touched; the
 * next comparison analyses every source again. Returns the bytes freed (for tests).
 */
export async function clearCache(s: Services): Promise<number | undefined> {
  const before = await s.engine.request({ type: 'cache', action: 'usage' });
  const after = await s.engine.request({ type: 'cache', action: 'clear' });
  if (after.type !== 'cache' || before.type !== 'cache') {
    void s.notifier.error(`Corroborate: the cache could not be cleared${after.type === 'error' ? `: ${after.message}` : ''}`);
    return undefined;
  }
  const freed = Math.max(0, before.usage.bytes - after.usage.bytes);
  void s.notifier.info(`Corroborate: cache cleared (${(freed / 1024 / 1024).toFixed(1)} MB freed). Sources are analysed again on the next comparison.`);
  return freed;
}
