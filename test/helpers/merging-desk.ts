/**
 * The child process of the merge-interruption test: opens the desk in the folder it is given
 * with idle merging that starts at once and never pauses, and says `merging` on stdout once
 * the first merge step has started. The test kills it with SIGKILL while it merges.
 *
 *   node --import tsx test/helpers/merging-desk.ts <data folder>
 */
import { writeSync } from 'node:fs';
import { openDesk, systemClock } from '../../electron/main/core';
import { fakePlatform } from './fake-platform';

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: merging-desk.ts <data folder>');
  const desk = await openDesk({
    dataDir: dir,
    actor: 'merging-desk',
    platform: fakePlatform(),
    clock: systemClock,
    automaticBackups: false,
    logger: { error: (message, detail) => process.stderr.write(`${message}: ${String(detail)}\n`) },
    indexUpkeep: { quietMs: 0, gapMs: 0, pagesPerStep: 1 },
  });
  // Merge steps are the only work this desk does: each is a background job.
  const started = desk.callsStarted;
  const poll = setInterval(() => {
    if (desk.callsStarted > started) {
      clearInterval(poll);
      writeSync(1, 'merging\n');
    }
  }, 1);
  // Stays open until killed.
  setInterval(() => {}, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`merging-desk: ${String(error)}\n`);
  process.exit(1);
});
