// Common shape of every role app: base path, body limit, the one error handler and a JSON 404.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Claims } from '../services/auth/tokens.ts';
import { userError } from '../services/errors.ts';
import type { AuthEnv } from './middleware/auth.ts';
import { notFound, onError } from './middleware/on-error.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export const roleApp = <C extends Claims>(basePath: string, maxBodyBytes = MAX_BODY_BYTES) => {
  const app = new Hono<AuthEnv<C>>().basePath(basePath);
  app.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw userError('VALIDATION.tooLarge');
      },
    }),
  );
  app.onError(onError);
  app.notFound(notFound);
  return app;
};
