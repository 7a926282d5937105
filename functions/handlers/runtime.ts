// Lambda adapter: builds the API's deps from the environment (table, buckets, secrets) once per container.

import { randomBytes } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defaultApiConfig } from '../services/config.ts';
import type { Deps } from '../services/deps.ts';
import { createServices, type Services } from '../services/index.ts';
import { createStore } from '../store/index.ts';
import type { StoreConfig } from '../store/types.ts';

type Env = Record<string, string | undefined>;

const required = (env: Env, name: string): string => {
  const v = env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};

/** A secret given directly (local, tests) or by Secrets Manager ARN (AWS). */
const secretFrom = async (env: Env, name: string, sm: () => SecretsManagerClient): Promise<string> => {
  const direct = env[name];
  if (direct) return direct;
  const arn = required(env, `${name}_ARN`);
  const out = await sm().send(new GetSecretValueCommand({ SecretId: arn }));
  if (!out.SecretString) throw new Error(`secret ${arn} has no string value`);
  return out.SecretString;
};

export const storeConfigFromEnv = (env: Env): StoreConfig => ({
  tableName: required(env, 'TABLE_NAME'),
  region: env.AWS_REGION ?? 'ap-southeast-3',
  publicBucket: required(env, 'PUBLIC_BUCKET'),
  auditBucket: required(env, 'AUDIT_BUCKET'),
  ...(env.DYNAMO_ENDPOINT ? { dynamoEndpoint: env.DYNAMO_ENDPOINT } : {}),
  ...(env.S3_ENDPOINT ? { s3Endpoint: env.S3_ENDPOINT } : {}),
  // Local endpoints get their own static credentials in store/clients.ts (s3rver accepts only its pair).
});

/** Which secrets a function needs: the public and sweeper functions verify no token and hash no PIN. */
export interface SecretNeeds {
  jwt: boolean;
  pepper: boolean;
  /** Ed25519 signing key + pseudonym secret (PUBLICATION_KEY / PSEUDONYM_SECRET, or their _ARN). */
  publication?: boolean;
}

export const depsFromEnv = async (
  env: Env = process.env,
  needs: SecretNeeds = { jwt: true, pepper: true },
): Promise<Deps> => {
  let client: SecretsManagerClient | undefined;
  const sm = () => {
    client ??= new SecretsManagerClient({});
    return client;
  };
  // A secret not needed stays empty; tokens.ts refuses to sign or verify with an empty key.
  const [jwtSecret, pinPepper] = await Promise.all([
    needs.jwt ? secretFrom(env, 'JWT_SECRET', sm) : Promise.resolve(''),
    needs.pepper ? secretFrom(env, 'PIN_PEPPER', sm) : Promise.resolve(''),
  ]);
  const publication = needs.publication
    ? {
        signingKeyPem: await secretFrom(env, 'PUBLICATION_KEY', sm),
        pseudonymSecret: await secretFrom(env, 'PSEUDONYM_SECRET', sm),
      }
    : undefined;
  return {
    store: createStore(storeConfigFromEnv(env)),
    config: defaultApiConfig(publication ? { jwtSecret, pinPepper, publication } : { jwtSecret, pinPepper }),
    clock: Date.now,
    randomHex: (n) => randomBytes(n).toString('hex'),
  };
};

/** One Services per container, shared by the warm invocations (caches live here). */
export const servicesFromEnv = async (needs?: SecretNeeds, env: Env = process.env): Promise<Services> =>
  createServices(await depsFromEnv(env, needs));
