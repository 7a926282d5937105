// Origin verify: with a configured value only requests carrying it pass (403 JSON otherwise); unconfigured, all pass.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiApp } from '../../../functions/api/app.ts';
import {
  behindOrigin,
  ORIGIN_VERIFY_HEADER,
  originVerify,
} from '../../../functions/api/middleware/origin-verify.ts';
import { DomainError } from '../../../functions/domain/errors.ts';
import { defaultApiConfig } from '../../../functions/services/config.ts';
import type { Deps } from '../../../functions/services/deps.ts';
import { log } from '../../../functions/services/log.ts';
import type { Store } from '../../../functions/store/types.ts';
import { testStore } from '../../store/helpers.ts';

const SECRET = 'cloudfront-says-hello-0123456789';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});

const deps = (originVerify?: string): Deps => ({
  store,
  config: defaultApiConfig({ jwtSecret: 'test-jwt-secret-0123', pinPepper: 'p', originVerify }),
  clock: Date.now,
  randomHex: (n) => randomBytes(n).toString('hex'),
});

const get = (app: Hono, path: string, header?: string) =>
  app.request(path, { headers: header === undefined ? {} : { [ORIGIN_VERIFY_HEADER]: header } });

describe('the whole API (createApiApp)', () => {
  it.each([
    ['no header', undefined],
    ['a wrong value', 'cloudfront-says-hello-012345678X'],
    ['a prefix of the value', SECRET.slice(0, 10)],
    ['an empty value', ''],
  ])('configured: %s -> 403 FORBIDDEN before any route runs', async (_what, header) => {
    const { app } = createApiApp(deps(SECRET));
    for (const path of ['/api/health', '/api/candidate/login', '/api/nowhere']) {
      const res = await get(app, path, header);
      expect(res.status, path).toBe(403);
      expect((await res.json()).error.code).toBe('FORBIDDEN');
    }
  });

  it('configured: the right value reaches the routes', async () => {
    const { app } = createApiApp(deps(SECRET));
    expect((await get(app, '/api/health', SECRET)).status).toBe(200);
    expect((await get(app, '/api/nowhere', SECRET)).status).toBe(404);
  });

  it('not configured (local runtime, tests): the check is off, with or without a header', async () => {
    const { app } = createApiApp(deps());
    expect((await get(app, '/api/health')).status).toBe(200);
    expect((await get(app, '/api/health', 'anything')).status).toBe(200);
  });
});

describe('behindOrigin (one role app, as a Lambda entry serves it)', () => {
  const inner = () => {
    const app = new Hono().basePath('/api/x');
    app.get('/ping', (c) => c.json({ ok: true }));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    return app;
  };

  it('guards the app and keeps JSON 404 and 500 answers', async () => {
    const app = behindOrigin(inner(), SECRET);
    expect((await get(app, '/api/x/ping')).status).toBe(403);
    expect((await get(app, '/api/x/ping', SECRET)).status).toBe(200);
    const missing = await get(app, '/api/x/none', SECRET);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('ROUTE_NOT_FOUND');
    const boom = await get(app, '/api/x/boom', SECRET);
    expect(boom.status).toBe(500);
    expect((await boom.json()).error.code).toBe('INTERNAL');
  });

  it('a store refusal is answered 503 and logged with the SDK request id of its cause', async () => {
    const app = new Hono().basePath('/api/x');
    app.get('/down', () => {
      const sdkError = Object.assign(new Error('socket hang up'), { $metadata: { requestId: 'REQ-123' } });
      throw new DomainError('STORE_UNAVAILABLE', 'store is unreachable', undefined, { cause: sdkError });
    });
    const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
    const res = await get(behindOrigin(app), '/api/x/down');
    expect(res.status).toBe(503);
    expect(warn).toHaveBeenCalledWith('store refused', expect.objectContaining({ awsRequestId: 'REQ-123' }));
    warn.mockRestore();
  });

  it('an empty configured value means off, not "expect an empty header"', async () => {
    const mw = originVerify('');
    const app = new Hono();
    app.use(mw);
    app.get('/', (c) => c.text('ok'));
    expect((await app.request('/')).status).toBe(200);
  });
});
