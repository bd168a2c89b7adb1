/**
 * The bench tells the program's tasks from the harness's: a task spent mostly on a DevTools
 * protocol message is Playwright handing the page an answer, which the desktop program never does.
 */
import { describe, expect, it } from 'vitest';
import { harnessTask, type TraceEvent } from '../../bench/trace-tasks';

const task = (tdur: number): TraceEvent => ({
  name: 'ThreadControllerImpl::RunTask',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts: 0,
  dur: tdur,
  tdur,
});
const mojo = (tdur: number, tag: string): TraceEvent => ({
  name: 'Receive mojo message',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts: 0,
  dur: tdur,
  tdur,
  args: { chrome_mojo_event_info: { mojo_interface_tag: tag } },
});
const layout = (tdur: number): TraceEvent => ({
  name: 'Layout',
  ph: 'X',
  pid: 1,
  tid: 1,
  ts: 1,
  dur: tdur,
  tdur,
});

describe('harnessTask', () => {
  it("counts a task spent mostly on a DevTools message as the harness's", () => {
    expect(harnessTask(task(30_000), [mojo(28_000, 'blink.mojom.DevToolsSession')])).toBe(true);
  });

  it("counts a scroll frame, or a task with only a little DevTools work, as the program's", () => {
    expect(harnessTask(task(25_000), [layout(9_000)])).toBe(false);
    expect(harnessTask(task(25_000), [mojo(5_000, 'blink.mojom.DevToolsSession'), layout(15_000)])).toBe(
      false,
    );
  });

  it("counts the program's own messages (not DevTools) as the program's", () => {
    expect(harnessTask(task(30_000), [mojo(28_000, 'blink.mojom.FrameWidget')])).toBe(false);
  });
});
