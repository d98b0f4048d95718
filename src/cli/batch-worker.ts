/**
 * A worker thread of `tocdiff --batch`: answers each `BatchTask` message with a `BatchResult`.
 * A bug is answered with its stack, so that the main thread can report it and stop.
 */
import {parentPort} from 'node:worker_threads';
import {runBatchTask, type BatchTask} from './batch-job.js';

parentPort?.on('message', (task: BatchTask) => {
	runBatchTask(task).then(
		(result) => parentPort?.postMessage(result),
		(error: unknown) => parentPort?.postMessage({kind: 'bug', stack: error instanceof Error ? (error.stack ?? error.message) : String(error)}),
	);
});
