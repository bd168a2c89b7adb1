/** A one-line progress bar on stderr (stdout carries only the JSON result). */
export class Progress {
  #label = '';
  #total = 1;
  #started = 0;
  #last = 0;
  #cpu = process.cpuUsage();

  start(label: string, total: number): void {
    if (this.#label !== '' && process.stderr.isTTY) process.stderr.write('\n');
    this.#label = label;
    this.#total = Math.max(1, total);
    this.#started = Date.now();
    this.#cpu = process.cpuUsage();
    this.#last = 0;
    this.#draw(0);
  }

  tick(done: number): void {
    const now = Date.now();
    // A terminal gets a live bar; a log file a line every ten seconds.
    const every = process.stderr.isTTY ? 250 : 10_000;
    if (done < this.#total && now - this.#last < every) return;
    this.#last = now;
    this.#draw(done);
  }

  done(): void {
    if (process.stderr.isTTY) process.stderr.write('\n');
  }

  #draw(done: number): void {
    const width = 30;
    const fraction = Math.min(1, done / this.#total);
    const filled = Math.round(fraction * width);
    const seconds = (Date.now() - this.#started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    // CPU time of this process (user + system, SQLite's threads included) per record so far.
    const cpu = process.cpuUsage(this.#cpu);
    const cpuPer = done > 0 ? `${((cpu.user + cpu.system) / 1000 / done).toFixed(2)} ms CPU each` : '';
    const line = `${this.#label.padEnd(15)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.#total} ${rate}/s ${seconds.toFixed(0)}s ${cpuPer}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line.padEnd(90)}` : `${line}\n`);
  }
}
