/**
 * `npm run bench`: the core scenarios (bench/run.ts), then institution connections
 * (bench/connections.ts). Options go to the first; `--postgres` goes to both, and
 * `--skip-connections` leaves the second out.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (file: string, argv: string[]) => spawnSync(process.execPath, [file, ...argv], { stdio: 'inherit' }).status ?? 1;

const own = args.filter((a) => a !== '--skip-connections');
let status = run('bench/run.ts', own);
if (status === 0 && !args.includes('--skip-connections')) status = run('bench/connections.ts', own.includes('--postgres') ? ['--postgres'] : []);
process.exit(status);
