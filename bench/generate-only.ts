/**
 * `node --import tsx bench/generate-only.ts --scale 1`: builds (or finds) the cached desk and
 * stops. `--out <folder>` builds it there instead of in bench/.cache/<scale>.
 */
import { resolve } from 'node:path';
import { ensureDataset } from './dataset';
import { flagValue, scaleArgument } from './args';

const out = flagValue('--out');
const dataset = await ensureDataset(scaleArgument(), out === undefined ? undefined : resolve(out));
process.stdout.write(`${JSON.stringify(dataset, null, 2)}\n`);
