/** The command line: --scale <factor> (default 1) and flags such as --no-browser. */
export function scaleArgument(argv = process.argv.slice(2)): number {
  const at = argv.indexOf('--scale');
  const value = at === -1 ? 1 : Number(argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0 || value > 10)
    throw new Error('--scale takes a factor such as 0.1, 1 or 3');
  return value;
}

export function hasFlag(flag: string, argv = process.argv.slice(2)): boolean {
  return argv.includes(flag);
}

/** The value after a flag such as --renderer, if given. */
export function flagValue(flag: string, argv = process.argv.slice(2)): string | undefined {
  const at = argv.indexOf(flag);
  return at === -1 ? undefined : argv[at + 1];
}
