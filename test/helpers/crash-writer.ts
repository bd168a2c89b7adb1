/**
 * The child process of the crash test: opens the desk in the folder it is given and
 * registers letters in a loop (every fifth with an attachment), writing one line to stdout
 * for each after its call answered — after the commit. The test kills it with SIGKILL at a
 * random moment and later checks that every acknowledged letter survived, complete.
 *
 *   node --import tsx test/helpers/crash-writer.ts <data folder> <round>
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDesk, systemClock } from '../../electron/main/core';
import { fakePlatform } from './fake-platform';

/** What the writer acknowledges; the test knows from it what must be in the desk. */
export interface Ack {
  round: number;
  n: number;
  id: string;
  number: string;
  subject: string;
  bodySha256: string;
  attachmentSha256: string | null;
}

/** The body of letter `n` of `round`: deterministic, of varying length, Persian and Latin. */
export function letterBody(round: number, n: number): string {
  const line = `نامه ${n} از دور ${round} — Letter ${n} of round ${round}.`;
  return Array.from({ length: 1 + ((round * 7919 + n * 104_729) % 60) }, () => line).join(' ');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function say(line: string): void {
  // writeSync: the line is in the pipe before the next letter starts (and under PIPE_BUF, whole).
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const [dir, roundText] = process.argv.slice(2);
  if (!dir || !roundText) throw new Error('usage: crash-writer.ts <data folder> <round>');
  const round = Number(roundText);
  const files = join(dir, '..', `crash-files-${round}`);
  mkdirSync(files, { recursive: true });
  const desk = await openDesk({
    dataDir: dir,
    actor: 'crash-writer',
    platform: fakePlatform(),
    clock: systemClock,
    logger: { error: (message, detail) => process.stderr.write(`${message}: ${String(detail)}\n`) },
  });
  say('ready');
  for (let n = 1; ; n += 1) {
    const body = letterBody(round, n);
    const subject = `دور ${round} — نامهٔ ${n}`;
    const created = await desk.call('letters.create', {
      direction: n % 2 === 0 ? 'outgoing' : 'incoming',
      letterDate: '2025-05-05',
      from: { text: n % 2 === 0 ? 'شهرداری اصفهان' : 'Comune di Firenze' },
      to: { text: n % 2 === 0 ? 'Comune di Firenze' : 'شهرداری اصفهان' },
      subject,
      body,
    });
    if (!created.ok) throw new Error(`letters.create failed: ${created.error.code} ${created.error.message}`);
    let attachmentSha256: string | null = null;
    if (n % 5 === 0) {
      const path = join(files, `note-${n}.txt`);
      writeFileSync(path, `Attachment ${n} of round ${round}\n${body}`);
      const added = await desk.call('attachments.add', {
        ownerType: 'letter',
        ownerId: created.value.id,
        path,
      });
      if (!added.ok) throw new Error(`attachments.add failed: ${added.error.code} ${added.error.message}`);
      attachmentSha256 = added.value[0]!.sha256;
    }
    const ack: Ack = {
      round,
      n,
      id: created.value.id,
      number: created.value.number,
      subject,
      bodySha256: sha256(body),
      attachmentSha256,
    };
    say(JSON.stringify(ack));
  }
}

// Run only as a program; the test imports the helpers above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    process.stderr.write(`crash-writer: ${String(error)}\n`);
    process.exit(1);
  });
}
