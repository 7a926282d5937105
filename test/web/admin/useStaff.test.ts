// useStaffQuery (console page loads) and useDialogAction (reason-dialog actions, built on useAction) in real
// React in Chromium: each request is answered by the test, in the order it chooses (hooks-probe.tsx).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openProbePage } from '../probe-page.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openProbePage(new URL('./hooks-probe.tsx', import.meta.url)));
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await page.evaluate(() => (window as never as { probe: { reset(): void } }).probe.reset());
  await page.waitForSelector('#query');
});

type Probe = {
  requests(): { token: string; input: number }[];
  /** These three return once React has settled (hooks-probe.tsx). */
  resolve(i: number, v: unknown): Promise<void>;
  reject(i: number, code: string): Promise<void>;
  call(name: string, ...args: unknown[]): Promise<void>;
  log(): string[];
  settle(): Promise<void>;
};
const probe = <R>(fn: (p: Probe, arg: unknown[]) => R, ...arg: unknown[]) =>
  page.evaluate(
    ([src, a]) =>
      new Function('p', 'a', `return (${src})(p, a)`)((window as never as { probe: Probe }).probe, a),
    [fn.toString(), arg] as const,
  ) as Promise<Awaited<R>>;
const call = (name: string, ...args: unknown[]) =>
  probe((p, a) => p.call(a[0] as string, ...a.slice(1)), name, ...args);
const resolve = (i: number, v: unknown) => probe((p, a) => p.resolve(a[0] as number, a[1]), i, v);
const reject = (i: number, code: string) =>
  probe((p, a) => p.reject(a[0] as number, a[1] as string), i, code);
const requests = () => probe((p) => p.requests());
const log = () => probe((p) => p.log());
const state = async (id: 'query' | 'action') => {
  await probe((p) => p.settle());
  return JSON.parse((await page.textContent(`#${id}`)) ?? 'null');
};

describe('useStaffQuery', () => {
  it('loads with the token on mount: loading, then the data', async () => {
    expect(await requests()).toEqual([{ token: 'tok-1', input: 0 }]);
    expect(await state('query')).toEqual({ data: null, error: null, loading: true });
    await resolve(0, { rows: [1, 2] });
    expect(await state('query')).toEqual({ data: { rows: [1, 2] }, error: null, loading: false });
  });

  it('a failed reload keeps the last data beside its error; the next success clears the error', async () => {
    await resolve(0, 'first');
    await call('reload');
    await reject(1, 'STORE_UNAVAILABLE');
    expect(await state('query')).toEqual({ data: 'first', error: 'STORE_UNAVAILABLE', loading: false });
    await call('reload');
    expect(await state('query')).toMatchObject({ data: 'first', error: 'STORE_UNAVAILABLE', loading: true });
    await resolve(2, 'second');
    expect(await state('query')).toEqual({ data: 'second', error: null, loading: false });
  });

  it('an expired login goes to onAuthError, not onto the page', async () => {
    await reject(0, 'UNAUTHENTICATED');
    expect(await log()).toEqual(['auth']);
    expect(await state('query')).toEqual({ data: null, error: null, loading: false });
  });

  it('loads again when an input changes, and drops the answer the newer request overtook', async () => {
    await call('setInput', 1);
    expect(await requests()).toEqual([
      { token: 'tok-1', input: 0 },
      { token: 'tok-1', input: 1 },
    ]);
    await resolve(1, 'for input 1');
    await resolve(0, 'for input 0 (late)');
    expect(await state('query')).toEqual({ data: 'for input 1', error: null, loading: false });
    await call('reload');
    await call('reload');
    await reject(3, 'CONFLICT');
    await resolve(2, 'stale');
    expect(await state('query')).toEqual({ data: 'for input 1', error: 'CONFLICT', loading: false });
  });

  it('a new token loads again; no token or a null fetch asks nothing', async () => {
    await call('setToken', 'tok-2');
    expect((await requests()).at(-1)).toEqual({ token: 'tok-2', input: 0 });
    await call('setToken', '');
    await call('setSkip', true);
    await call('setToken', 'tok-3');
    await call('reload');
    expect(await requests()).toHaveLength(2);
  });

  it('clear: nothing shown while the request for new inputs runs', async () => {
    await resolve(0, 'old');
    await call('reload');
    expect(await state('query')).toMatchObject({ data: 'old', loading: true });
    await call('setClear', true);
    expect(await state('query')).toEqual({ data: null, error: null, loading: true });
    await resolve(2, 'new');
    expect(await state('query')).toEqual({ data: 'new', error: null, loading: false });
  });

  it("fail() shows an action's error on the page, an expired login goes to onAuthError", async () => {
    await resolve(0, 'rows');
    await call('fail', 'VALIDATION');
    expect(await state('query')).toEqual({ data: 'rows', error: 'VALIDATION', loading: false });
    await call('fail', 'UNAUTHENTICATED');
    expect(await log()).toEqual(['auth']);
    expect(await state('query')).toMatchObject({ error: 'VALIDATION' });
  });
});

describe('useDialogAction', () => {
  it('runs on the open target: busy, then closed with its notice and the reload after', async () => {
    await call('open', 'SKD26-00001');
    expect(await state('action')).toEqual({ target: 'SKD26-00001', busy: false, error: null, notice: null });
    await call('run', 'done SKD26-00001');
    expect(await state('action')).toMatchObject({ target: 'SKD26-00001', busy: true });
    const last = (await requests()).length - 1;
    expect((await requests())[last]).toEqual({ token: 'SKD26-00001', input: 0 });
    await resolve(last, null);
    expect(await state('action')).toEqual({
      target: null,
      busy: false,
      error: null,
      notice: 'done SKD26-00001',
    });
    expect(await log()).toEqual(['after']);
  });

  it('an action answering nothing leaves the notice as it was', async () => {
    await call('open', 'a');
    await call('run', 'first');
    await resolve(1, null);
    await call('open', 'b');
    await call('run', undefined);
    await resolve(2, null);
    expect(await state('action')).toEqual({ target: null, busy: false, error: null, notice: 'first' });
  });

  it('a refused action keeps the dialog open with its error; opening again clears it', async () => {
    await call('open', 'a');
    await call('run', 'never');
    await reject(1, 'CONFLICT');
    expect(await state('action')).toEqual({ target: 'a', busy: false, error: 'CONFLICT', notice: null });
    expect(await log()).toEqual([]);
    await call('close');
    await call('open', 'b');
    expect(await state('action')).toEqual({ target: 'b', busy: false, error: null, notice: null });
  });

  it('an expired login goes to onAuthError, not into the dialog; no target: nothing runs', async () => {
    await call('open', 'a');
    await call('run', 'never');
    await reject(1, 'UNAUTHENTICATED');
    expect(await log()).toEqual(['auth']);
    expect(await state('action')).toEqual({ target: 'a', busy: false, error: null, notice: null });
    await call('close');
    await call('run', 'never');
    expect(await requests()).toHaveLength(2);
  });
});
