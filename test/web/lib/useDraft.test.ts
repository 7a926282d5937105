// useDraft in real React in Chromium (draft-probe.tsx): a form over stored values that load after its first
// render shows them as they load, and keeps the admin's edit when a load answers after it (the race).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openProbePage } from '../probe-page.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ browser, page } = await openProbePage(new URL('./draft-probe.tsx', import.meta.url)));
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await page.evaluate(() => (window as never as { probe: { reset(): void } }).probe.reset());
  await page.waitForSelector('#state');
});

/** Sets the stored value ('setStored'), the edited thing ('setOf') or discards ('discard'), as the page would. */
const set = (name: string, value?: unknown) =>
  page.evaluate(
    ([n, v]) => (window as never as { probe: { set(n: string, v: unknown): Promise<void> } }).probe.set(n, v),
    [name, value] as const,
  );
const state = async () => {
  await page.evaluate(() => (window as never as { probe: { settle(): Promise<void> } }).probe.settle());
  return JSON.parse((await page.textContent('#state')) ?? 'null');
};
const type = (text: string) => page.fill('#field', text);

describe('useDraft', () => {
  it('shows nothing until the stored value loads, then follows it (and a reload) until the admin edits', async () => {
    expect(await state()).toEqual({ draft: null, dirty: false });
    await set('setStored', 'stored-1');
    expect(await state()).toEqual({ draft: 'stored-1', dirty: false });
    await set('setStored', 'stored-2');
    expect(await state()).toEqual({ draft: 'stored-2', dirty: false });
  });

  it('a load answering after the edit does not overwrite it', async () => {
    await set('setStored', 'stored-1');
    await type('typed by the admin');
    await set('setStored', 'late answer');
    expect(await state()).toEqual({ draft: 'typed by the admin', dirty: true });
    expect(await page.inputValue('#field')).toBe('typed by the admin');
  });

  it('discard goes back to the stored value, which it then follows again', async () => {
    await set('setStored', 'stored-1');
    await type('edit');
    await set('setStored', 'saved');
    await set('discard');
    expect(await state()).toEqual({ draft: 'saved', dirty: false });
    await set('setStored', 'reloaded');
    expect(await state()).toEqual({ draft: 'reloaded', dirty: false });
  });

  it("an edit belongs to what it edits: another exam starts from that exam's stored value", async () => {
    await set('setStored', 'exam A');
    await type('edit of A');
    await set('setOf', 'B');
    await set('setStored', 'exam B');
    expect(await state()).toEqual({ draft: 'exam B', dirty: false });
    await type('edit of B');
    expect(await state()).toEqual({ draft: 'edit of B', dirty: true });
  });
});
