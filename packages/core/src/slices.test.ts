import { expect } from '@open-wc/testing';
import { runInSlices, runToEnd, sliced, yieldToMain } from './slices.js';

function* counting(limit: number, log: number[]) {
  let sum = 0;
  for (let i = 0; i < limit; i++) {
    sum += i;
    log.push(i);
    yield;
  }
  return sum;
}

describe('work in slices', () => {
  it('yieldToMain resolves in a later task, not a microtask', async () => {
    let microtasks = 0;
    const spin = (): Promise<void> => (microtasks++ < 1000 ? Promise.resolve().then(spin) : Promise.resolve());
    void spin();
    await yieldToMain();
    expect(microtasks).to.be.greaterThan(1000);
  });

  it('without scheduler.yield, lets a task queued before it run first', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');
    Object.defineProperty(globalThis, 'scheduler', { value: undefined, configurable: true, writable: true });
    try {
      const order: string[] = [];
      const pending = new Promise<void>((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          order.push('message');
          resolve();
        };
        channel.port2.postMessage(undefined);
      });
      await yieldToMain();
      order.push('after yield');
      await pending;
      expect(order).to.deep.equal(['message', 'after yield']);
    } finally {
      if (descriptor) Object.defineProperty(globalThis, 'scheduler', descriptor);
      else delete (globalThis as { scheduler?: unknown }).scheduler;
    }
  });

  it('runs a generator to the end at once, or in slices with the same result', async () => {
    const log: number[] = [];
    expect(runToEnd(counting(1000, log))).to.equal(499_500);
    expect(log).to.have.length(1000);
    expect(await runInSlices(counting(1000, []))).to.equal(499_500);
  });

  it('gives the page a turn when a slice has used its budget', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      function* busy() {
        const end = performance.now() + 300;
        while (performance.now() < end) yield;
        return 'done';
      }
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      expect(await runInSlices(busy(), { budgetMs: 20 })).to.equal('done');
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      expect(ticks, 'timers ran meanwhile').to.be.greaterThan(2);
      expect(longest, 'no task near the 300 ms of work').to.be.below(150);
    } finally {
      clearInterval(timer);
    }
  });

  it('stops between slices when the signal aborts', async () => {
    const controller = new AbortController();
    function* endless() {
      for (;;) yield;
    }
    setTimeout(() => controller.abort(new Error('stopped')), 30);
    let error: unknown;
    try {
      await runInSlices(endless(), { budgetMs: 5, signal: controller.signal });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain('stopped');
  });

  it('maps a list in slices, in order', async () => {
    expect(await sliced([1, 2, 3], (n, i) => n * 10 + i)).to.deep.equal([10, 21, 32]);
  });
});
