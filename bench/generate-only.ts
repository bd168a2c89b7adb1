/** `node --import tsx bench/generate-only.ts --scale 1`: builds (or finds) the cached desk and stops. */
import { ensureDataset } from './dataset';
import { scaleArgument } from './args';

const dataset = await ensureDataset(scaleArgument());
process.stdout.write(`${JSON.stringify(dataset, null, 2)}\n`);
