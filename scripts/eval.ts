import { runEval } from '../test/eval/runEval';
import { FLOORS } from '../test/eval/score';

/** `npm run eval`: the engine's accuracy on the seed articles, per category. */
async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const { report } = await runEval();
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(5);
  console.log('Corroborate — accuracy on seeds/ against test/eval/seeds-gold.json\n');
  console.log(`${'category'.padEnd(24)} linked  share  floor`);
  for (const s of report.scores) {
    const floor = FLOORS[s.name];
    const flag = floor !== undefined && s.share < floor ? '  BELOW FLOOR' : '';
    console.log(`${s.name.padEnd(24)} ${`${s.linked}/${s.total}`.padStart(6)} ${pct(s.share)}  ${floor === undefined ? '    –' : pct(floor)}${flag}`);
    if (verbose) for (const m of s.misses) console.log(`    missed: ${m}`);
  }
  console.log(`${'duplicates'.padEnd(24)} ${report.duplicatesFound ? 'found' : 'MISSED'}`);
  console.log(`${'wrong merges'.padEnd(24)} ${report.wrongMerges.length}${report.wrongMerges.length ? '  ' + report.wrongMerges.join('; ') : ''}`);
  console.log(`${'boilerplate figures'.padEnd(24)} ${report.boilerplateFigures.length}${report.boilerplateFigures.length ? '  ' + report.boilerplateFigures.join('; ') : ''}`);
  console.log(`${'figure details right'.padEnd(24)} ${report.figureDetailsRight.right}/${report.figureDetailsRight.total}`);
  console.log(`${'span errors'.padEnd(24)} ${report.spanErrors}`);
  if (!verbose) console.log('\n(--verbose lists every missed pair)');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
