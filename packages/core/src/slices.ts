/**
 * Long work on the main thread, cut into slices so the page stays responsive: parsing, expanding
 * and indexing a large feed yield to the page between slices. No worker: the drop-in build runs
 * from another origin than the page, where a worker script cannot be started.
 *
 * Work is written once, as a generator that `yield`s at points where it may pause, and run either
 * to the end at once (`runToEnd`, for small inputs and synchronous callers) or in slices of about
 * `budgetMs` each (`runInSlices`), giving the page a turn between them.
 */

/** Work that may pause at each `yield`, and finally returns a `T`. */
export type SlicedWork<T> = Generator<unknown, T, void>;

export interface SliceOptions {
  /** How long one slice may run before the page gets a turn. Default 30 ms. */
  budgetMs?: number;
  /** Stops the work between two slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

interface SchedulerLike {
  yield?: () => Promise<void>;
}

let channel: MessageChannel | undefined;
const waiting: Array<() => void> = [];

/**
 * Give the page a turn (input, rendering, other tasks), then resolve. `scheduler.yield()` where the
 * browser has it (the continuation keeps its priority); else a MessageChannel message, which is not
 * throttled like `setTimeout(0)`; else `setTimeout`.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    return new Promise((resolve) => {
      waiting.push(resolve);
      channel!.port2.postMessage(undefined);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

/** How often a run of slices gives way with a timer instead: `scheduler.yield` outranks timers. */
const FAIR_EVERY = 4;

/**
 * Between slices: mostly `yieldToMain()`, but every few slices a timer, so that the page's own
 * timers and other tasks are not starved by a long run of prioritised continuations.
 */
function betweenSlices(count: number): Promise<void> {
  if (count % FAIR_EVERY === FAIR_EVERY - 1) return new Promise((resolve) => setTimeout(resolve, 0));
  return yieldToMain();
}

/** Run sliced work at once, to the end. */
export function runToEnd<T>(work: SlicedWork<T>): T {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
}

/** Run sliced work in slices of about `budgetMs`, yielding to the page between them. */
export async function runInSlices<T>(work: SlicedWork<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 30;
  const { signal } = options;
  let sliceStart = now();
  let slices = 0;
  for (;;) {
    signal?.throwIfAborted();
    const step = work.next();
    if (step.done) return step.value;
    if (now() - sliceStart >= budget) {
      await betweenSlices(slices++);
      signal?.throwIfAborted();
      sliceStart = now();
    }
  }
}

/**
 * `fn` over every item, in slices: the results in order. A small list is done in one slice, with
 * no yield at all.
 */
export function sliced<T, R>(
  items: Iterable<T>,
  fn: (item: T, index: number) => R,
  options: SliceOptions = {},
): Promise<R[]> {
  return runInSlices(
    (function* () {
      const out: R[] = [];
      let index = 0;
      for (const item of items) {
        out.push(fn(item, index++));
        yield;
      }
      return out;
    })(),
    options,
  );
}
