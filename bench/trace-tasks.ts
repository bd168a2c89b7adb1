/** The page's main-thread tasks in a Chromium trace, and which of them were the harness's. */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: {
    name?: string;
    data?: { functionName?: string; url?: string; lineNumber?: number };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

/** A top-level task of the page's main thread: CPU and wall time (ms), and whose work it was. */
export interface MainTask {
  cpu: number;
  wall: number;
  /**
   * Most of it was a DevTools protocol message: Playwright handing the page a desk answer (a
   * page of 100 letters is a message of about 200 KB, 20–40 ms of the renderer's CPU in the
   * protocol's handling) or running one of the bench's own steps. The desktop program receives
   * its answers over Electron's IPC as a structured clone and has no such task.
   */
  harness: boolean;
}

/** Whether most of a task's CPU went to a DevTools protocol message (the harness's, not the program's). */
export function harnessTask(task: TraceEvent, inside: TraceEvent[]): boolean {
  const devtools = inside
    .filter(
      (e) =>
        e.name === 'Receive mojo message' &&
        e.args?.chrome_mojo_event_info?.mojo_interface_tag === 'blink.mojom.DevToolsSession',
    )
    .reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  return devtools > 0.5 * (task.tdur ?? 0);
}
