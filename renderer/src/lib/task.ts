/**
 * Long work (backup, restore, reindex, sample data) run from a screen: the call, whether it
 * is running, and the latest progress the core reported for it through the progress event.
 */
import { useCallback, useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/api/contract';
import type { EventPayload } from '../../../shared/api/events';
import { call, on } from './api';

export type Progress = EventPayload<'progress'>;

export interface TaskState<M extends MethodName> {
  run: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
  running: boolean;
  progress: Progress | null;
}

export function useTask<M extends MethodName>(method: M): TaskState<M> {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => on('progress', (payload) => payload.method === method && setProgress(payload)), [method]);

  const run = useCallback(
    async (input: MethodInput<M>) => {
      setRunning(true);
      setProgress(null);
      try {
        return await call(method, input);
      } finally {
        setRunning(false);
      }
    },
    [method],
  );
  return { run, running, progress };
}
