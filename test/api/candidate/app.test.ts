// Candidate API through the Hono app over dynalite: login, start, form, autosave, submit, result, and every 4xx.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '../../../functions/domain/items.ts';
import { publicForm, startResponse } from '../../../functions/schemas/candidate.ts';
import { messages } from '../../../functions/schemas/messages.ts';
import type { CandidateClaims } from '../../../functions/services/auth/tokens.ts';
import { type ApiHarness, apiHarness } from '../harness.ts';

/**
 * Shared by the tests that do not move time. Its clock never moves (advance throws), so no test depends on
 * another's clock; a test that moves time or changes session state builds its own harness (own clock, own table).
 */
let h: ApiHarness;
beforeAll(async () => {
  const shared = await apiHarness(10);
  h = {
    ...shared,
    advance: () => {
      throw new Error('the shared harness has a fixed clock: build an own apiHarness() to move time');
    },
  };
});

const keyOf = (item: Item): string => {
  if (item.kind === 'single') return item.key;
  if (item.kind === 'weighted') return Object.entries(item.weights).sort((a, b) => b[1] - a[1])[0]![0];
  throw new Error('not a choice item');
};

describe('login', () => {
  it('returns a token bound to the attempt', async () => {
    const c = h.demo.candidates[0]!;
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ sessionId: h.demo.sessionId, name: c.name });
    expect(res.json.token).toMatch(/^ey/);
    expect(res.json.serverTime).toBe(h.now());
  });

  it.each([
    ['unknown candidate', { regNo: 'SKD26-99999', pin: '123456' }, 401, 'INVALID_CREDENTIALS'],
    ['PIN not 6 digits', { regNo: 'SKD26-00001', pin: '12ab' }, 400, 'VALIDATION'],
    ['missing regNo', { pin: '123456' }, 400, 'VALIDATION'],
    ['regNo with spaces inside', { regNo: 'SKD 26', pin: '123456' }, 400, 'VALIDATION'],
  ])('%s -> %i %s', async (_name, body, status, code) => {
    const res = await h.call('POST', '/api/candidate/login', { body });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    // Default language: Indonesian, the catalog's text for the code or one of its reasons.
    const idTexts = Object.entries(messages)
      .filter(([k]) => k === code || k.startsWith(`${code}.`))
      .map(([, m]) => m.id);
    expect(idTexts).toContain(res.json.error.message);
  });

  it('answers error messages from the catalog in the language the request asks for', async () => {
    const body = { regNo: 'SKD26-99999', pin: '123456' };
    const en = await h.call('POST', '/api/candidate/login', { body, lang: 'en-US,en;q=0.9,id;q=0.8' });
    expect(en.json.error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: messages['INVALID_CREDENTIALS.candidate'].en,
    });
    const id = await h.call('POST', '/api/candidate/login', { body, lang: 'fr, id;q=0.5' });
    expect(id.json.error.message).toBe(messages['INVALID_CREDENTIALS.candidate'].id);
    const specific = await h.call('GET', '/api/candidate/attempts/x', { lang: 'en' });
    expect(specific.json.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: messages['UNAUTHENTICATED.signIn'].en,
    });
  });

  it('wrong PIN -> 401 INVALID_CREDENTIALS, the same answer as an unknown number', async () => {
    const c = h.demo.candidates[0]!;
    const wrong = c.pin === '000000' ? '111111' : '000000';
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: wrong } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('field messages name the field', async () => {
    const res = await h.call('POST', '/api/candidate/login', { body: { regNo: 'x', pin: 1 } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields).sort()).toEqual(['pin', 'regNo']);
  });

  it('malformed JSON -> 400 MALFORMED_JSON', async () => {
    const res = await h.call('POST', '/api/candidate/login', { rawBody: '{"regNo":' });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('MALFORMED_JSON');
  });

  it('PINs not released -> 403 PINS_NOT_RELEASED', async () => {
    const own = await apiHarness(1);
    const c = own.demo.candidates[0]!;
    const login = () => own.call('POST', '/api/candidate/login', { body: { regNo: c.regNo, pin: c.pin } });
    expect((await login()).status).toBe(200); // warms the session cache with PINs released
    await own.store.sessions.setPinsReleased(own.demo.sessionId, false);
    own.advance(5_001); // the session cache is at most 5 s old
    const res = await login();
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('PINS_NOT_RELEASED');
  });
});

describe('attempt', () => {
  it('starts once, then 409 ALREADY_STARTED', async () => {
    const login = await h.loginCandidate(1);
    const first = await h.call('POST', `/api/candidate/attempts/${login.attemptId}/start`, {
      token: login.token,
    });
    expect(first.status).toBe(200);
    expect(first.json.state).toBe('running');
    expect(first.json.remainingMs).toBe(100 * 60_000);
    expect(first.json.totalItems).toBe(110);
    // The start answers with the form (the contract's StartResponse); GET form serves the same one later.
    expect(startResponse.safeParse(first.json).success).toBe(true);
    expect(first.json.form.items).toHaveLength(110);
    const again = await h.call('GET', `/api/candidate/attempts/${login.attemptId}/form`, {
      token: login.token,
    });
    expect({ ...first.json.form, serverTime: 0 }).toEqual({ ...again.json, serverTime: 0 });
    const second = await h.call('POST', `/api/candidate/attempts/${login.attemptId}/start`, {
      token: login.token,
    });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('ALREADY_STARTED');
  });

  it('serves a form of 110 items without keys or weights', async () => {
    const { form } = await h.started(2);
    expect(form.items).toHaveLength(110);
    expect(form.sections.map((s: { id: string; count: number }) => [s.id, s.count])).toEqual([
      ['TWK', 30],
      ['TIU', 35],
      ['TKP', 45],
    ]);
    const text = JSON.stringify(form);
    expect(text).not.toMatch(/"key"|"weights"/);
    expect(form.items[0].number).toBe(1);
  });

  it('sends the form bytes JSON.stringify would give the form object (pieces encoded once per content)', async () => {
    const { token, attemptId } = await h.started(8);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as CandidateClaims;
    const res = await h.app.request(`/api/candidate/attempts/${attemptId}/form`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text).toBe(JSON.stringify(await h.services.attempt.form(claims)));
    expect(publicForm.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('saves, acknowledges retries, and keeps the last answer per item', async () => {
    const s = await h.started(3);
    const [a, b] = s.form.items;
    const url = `/api/candidate/attempts/${s.attemptId}/answers`;
    const steps = [
      { seq: 1, type: 'answered', itemId: a.itemId, choice: a.options[0].id },
      { seq: 2, type: 'answered', itemId: b.itemId, choice: b.options[1].id },
      { seq: 3, type: 'flagged', itemId: b.itemId, flagged: true },
      { seq: 4, type: 'answered', itemId: a.itemId, choice: a.options[2].id },
    ];
    const saved = await h.call('PUT', url, { token: s.token, body: { steps } });
    expect(saved.status).toBe(200);
    expect(saved.json.acked).toEqual([1, 2, 3, 4]);
    const retry = await h.call('PUT', url, { token: s.token, body: { steps: steps.slice(1, 2) } });
    expect(retry.status).toBe(200);
    expect(retry.json.acked).toEqual([2]);
    const state = await h.call('GET', `/api/candidate/attempts/${s.attemptId}`, { token: s.token });
    expect(state.json.answers).toEqual({ [a.itemId]: a.options[2].id, [b.itemId]: b.options[1].id });
    expect(state.json.flags).toEqual([b.itemId]);
    expect(state.json.lastSeq).toBe(4);
    expect(state.json.answeredCount).toBe(2);
  });

  it('a seq of 9,999,999,999 is refused (400, nothing written) and the device keeps saving after it', async () => {
    const s = await h.started(9);
    const [a] = s.form.items;
    const url = `/api/candidate/attempts/${s.attemptId}/answers`;
    const huge = await h.call('PUT', url, {
      token: s.token,
      body: { steps: [{ seq: 9_999_999_999, type: 'answered', itemId: a.itemId, choice: a.options[0].id }] },
    });
    expect(huge.status).toBe(400);
    expect(Object.keys(huge.json.error.fields)).toEqual(['steps.0.seq']);
    const state = await h.call('GET', `/api/candidate/attempts/${s.attemptId}`, { token: s.token });
    expect(state.json.lastSeq).toBe(0);
    const next = await h.call('PUT', url, {
      token: s.token,
      body: {
        steps: [{ seq: state.json.lastSeq + 1, type: 'answered', itemId: a.itemId, choice: a.options[1].id }],
      },
    });
    expect(next.status).toBe(200);
  });

  it('refuses a used seq with other content (409 CONFLICT), never acknowledging a lost answer', async () => {
    const s = await h.started(4);
    const item = s.form.items[5];
    const url = `/api/candidate/attempts/${s.attemptId}/answers`;
    await h.call('PUT', url, {
      token: s.token,
      body: { steps: [{ seq: 7, type: 'answered', itemId: item.itemId, choice: item.options[0].id }] },
    });
    const clash = await h.call('PUT', url, {
      token: s.token,
      body: { steps: [{ seq: 7, type: 'answered', itemId: item.itemId, choice: item.options[1].id }] },
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.code).toBe('CONFLICT');
    const state = await h.call('GET', `/api/candidate/attempts/${s.attemptId}`, { token: s.token });
    expect(state.json.answers[item.itemId]).toBe(item.options[0].id);
  });

  it.each([
    ['empty batch', { steps: [] }],
    ['seq 0', { steps: [{ seq: 0, type: 'answered', itemId: 'x', choice: null }] }],
    ['unknown type', { steps: [{ seq: 1, type: 'erased', itemId: 'x' }] }],
    ['item not on the form', { steps: [{ seq: 1, type: 'answered', itemId: 'not-on-form', choice: 'a' }] }],
    [
      '51 steps',
      {
        steps: Array.from({ length: 51 }, (_, i) => ({
          seq: i + 1,
          type: 'flagged',
          itemId: 'x',
          flagged: true,
        })),
      },
    ],
  ])('bad batch (%s) -> 400 and nothing written', async (_name, body) => {
    const s = await h.loginCandidate(5);
    if ((await h.store.attempts.get(s.attemptId)) === undefined) {
      await h.call('POST', `/api/candidate/attempts/${s.attemptId}/start`, { token: s.token });
    }
    const res = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION');
    expect(await h.store.attempts.readSteps(s.attemptId)).toHaveLength(1); // only 'started'
  });

  it('unknown option id -> 400 with the field path', async () => {
    const s = await h.started(6);
    const item = s.form.items[0];
    const res = await h.call('PUT', `/api/candidate/attempts/${s.attemptId}/answers`, {
      token: s.token,
      body: { steps: [{ seq: 1, type: 'answered', itemId: item.itemId, choice: 'zz' }] },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.error.fields)).toEqual(['steps.0.choice']);
  });
});

describe('scoring end to end', () => {
  it('submits, scores from the log, then refuses saves (409 ATTEMPT_SUBMITTED) and records them unscored', async () => {
    const s = await h.started(7);
    const bank = await h.bankView(s.attemptId);
    // Correct answers to the first 10 TWK items, the best TKP option on the first 3 TKP items.
    const twk = s.form.items.filter((i: { sectionId: string }) => i.sectionId === 'TWK').slice(0, 10);
    const tkp = s.form.items.filter((i: { sectionId: string }) => i.sectionId === 'TKP').slice(0, 3);
    const steps = [...twk, ...tkp].map((i: { itemId: string }, n: number) => ({
      seq: n + 1,
      type: 'answered',
      itemId: i.itemId,
      choice: bank(i.itemId).wireOf(keyOf(bank(i.itemId).item)),
    }));
    const url = `/api/candidate/attempts/${s.attemptId}/answers`;
    expect((await h.call('PUT', url, { token: s.token, body: { steps } })).status).toBe(200);

    const res = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
    expect(res.status).toBe(200);
    const score = Object.fromEntries(
      res.json.sections.map((x: { id: string; score: number }) => [x.id, x.score]),
    );
    expect(score).toEqual({ TWK: 50, TIU: 0, TKP: 15 });
    expect(res.json.total).toBe(65);
    expect(res.json.maxTotal).toBe(550);
    expect(res.json.passed).toBe(false);
    expect(res.json.receipt).toMatch(/^[0-9a-f]{64}$/);

    const again = await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token });
    expect(again.json.receipt).toBe(res.json.receipt);

    const late = await h.call('PUT', url, {
      token: s.token,
      body: {
        steps: [{ seq: 99, type: 'answered', itemId: twk[10]?.itemId ?? twk[0].itemId, choice: null }],
      },
    });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('ATTEMPT_SUBMITTED');
    const log = await h.store.attempts.readSteps(s.attemptId);
    expect(log.find((x) => x.clientSeq === 99)?.rejected).toBe('afterSubmit');

    // A refused request is recorded once: one step carrying the refusal and the rest of the batch.
    const batch = Array.from({ length: 50 }, (_, i) => ({
      seq: 100 + i,
      type: 'answered',
      itemId: twk[i % twk.length].itemId,
      choice: null,
    }));
    const refused = await h.call('PUT', url, { token: s.token, body: { steps: batch } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('ATTEMPT_SUBMITTED');
    const after = await h.store.attempts.readSteps(s.attemptId);
    expect(after).toHaveLength(log.length + 1);
    const one = after.find((x) => x.clientSeq === 100);
    expect(one?.rejected).toBe('afterSubmit');
    expect(one?.batch?.map((x) => x.clientSeq)).toEqual(batch.slice(1).map((x) => x.seq));
    await h.call('PUT', url, { token: s.token, body: { steps: batch } });
    expect(await h.store.attempts.readSteps(s.attemptId)).toHaveLength(log.length + 1); // a retry adds nothing

    const result = await h.call('GET', `/api/candidate/attempts/${s.attemptId}/result`, { token: s.token });
    expect(result.json.total).toBe(65);
  });
});

describe('authorization', () => {
  it('no token -> 401, garbage token -> 401', async () => {
    const s = await h.loginCandidate(0);
    expect((await h.call('GET', `/api/candidate/attempts/${s.attemptId}`)).status).toBe(401);
    const bad = await h.call('GET', `/api/candidate/attempts/${s.attemptId}`, { token: 'not.a.jwt' });
    expect(bad.status).toBe(401);
    expect(bad.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('wrong owner: another candidate token on my attempt -> 403', async () => {
    const mine = await h.loginCandidate(0);
    const other = await h.loginCandidate(1);
    for (const [method, path] of [
      ['GET', ''],
      ['GET', '/form'],
      ['POST', '/submit'],
      ['GET', '/result'],
    ] as const) {
      const res = await h.call(method, `/api/candidate/attempts/${mine.attemptId}${path}`, {
        token: other.token,
      });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
    }
  });

  it.each(['admin', 'proctor', 'auditor'] as const)(
    'wrong role: %s token on a candidate route -> 403',
    async (who) => {
      const mine = await h.loginCandidate(0);
      const token = await h.loginStaff(who);
      const res = await h.call('GET', `/api/candidate/attempts/${mine.attemptId}`, { token });
      expect(res.status).toBe(403);
    },
  );

  it('expired token -> 401', async () => {
    const own = await apiHarness(1);
    const login = await own.loginCandidate(0);
    own.advance(7 * 3600_000);
    const res = await own.call('GET', `/api/candidate/attempts/${login.attemptId}/form`, {
      token: login.token,
    });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHENTICATED');
  });
});
