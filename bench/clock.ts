/** A clock the generator moves with the records it writes, so their times read like years of work. */
import type { Clock } from '../electron/main/core';

export class BenchClock implements Clock {
  #now: number;
  /** Milliseconds added on every reading, so consecutive writes never share a timestamp. */
  #tick = 0;
  constructor(start: number = Date.now()) {
    this.#now = start;
  }
  now(): Date {
    this.#tick += 1;
    return new Date(this.#now + this.#tick);
  }
  set(ms: number): void {
    this.#now = ms;
    this.#tick = 0;
  }
}
