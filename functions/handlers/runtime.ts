// Lambda adapter: builds the API's deps from the environment (table, buckets, secrets) once per container.

import { randomBytes } from 'node:crypto';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { defaultApiConfig, signingKeyPemOf } from '../services/config.ts';
import type { Deps } from '../services/deps.ts';
import { createStore } from '../store/index.ts';
import type { StoreConfig } from '../store/types.ts';
import { SECRET_VARS } from './secret-env.ts';

type Env = Record<string, string | undefined>;

const required = (env: Env, name: string): string => {
  const v = env[name];
  if (!v) throw new Error(`missing environment variable ${name}`);
  return v;
};

type SecretVars = (typeof SECRET_VARS)[keyof typeof SECRET_VARS];

/** A secret given directly (local, tests) or by Secrets Manager ARN (AWS); neither is an error. */
const secretFrom = async (
  env: Env,
  vars: SecretVars,
  sm: () => Promise<SecretsManagerClient>,
): Promise<string> => {
  const direct = env[vars.direct];
  if (direct) return direct;
  const arn = required(env, vars.arn);
  const { GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const out = await (await sm()).send(new GetSecretValueCommand({ SecretId: arn }));
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
  /**
   * Ed25519 signing key + pseudonym secret (PUBLICATION_KEY / PSEUDONYM_SECRET, or their _ARN). true: required;
   * false: never read; undefined (default): read when PUBLICATION_KEY(_ARN) is set, else publishing is refused.
   */
  publication?: boolean;
}

export const depsFromEnv = async (
  env: Env = process.env,
  needs: SecretNeeds = { jwt: true, pepper: true },
): Promise<Deps> => {
  // Loaded only when a secret comes by ARN (on AWS): a function given its secrets directly never imports it.
  let client: Promise<SecretsManagerClient> | undefined;
  const sm = () => {
    client ??= import('@aws-sdk/client-secrets-manager').then((m) => new m.SecretsManagerClient({}));
    return client;
  };
  // A secret not needed stays empty; tokens.ts refuses to sign or verify with an empty key.
  // The origin-verify value is optional: configured (directly or by ARN) means checked, absent means off.
  const { originVerify: ov } = SECRET_VARS;
  const originConfigured = Boolean(env[ov.direct] || env[ov.arn]);
  const [jwtSecret, pinPepper, originVerify] = await Promise.all([
    needs.jwt ? secretFrom(env, SECRET_VARS.jwt, sm) : Promise.resolve(''),
    needs.pepper ? secretFrom(env, SECRET_VARS.pepper, sm) : Promise.resolve(''),
    originConfigured ? secretFrom(env, SECRET_VARS.originVerify, sm) : Promise.resolve(undefined),
  ]);
  // Publication keys: read when the function asks for them, or (by default) whenever they are configured. A
  // function given only the pseudonym secret (public: scoreboard pseudonyms) gets no signing key and never signs.
  const { publicationKey: pk, pseudonymSecret: ps } = SECRET_VARS;
  const keyConfigured = Boolean(env[pk.direct] || env[pk.arn]);
  const pseudonymConfigured = Boolean(env[ps.direct] || env[ps.arn]);
  const publication =
    (needs.publication ?? (keyConfigured || pseudonymConfigured))
      ? {
          signingKeyPem:
            needs.publication || keyConfigured ? signingKeyPemOf(await secretFrom(env, pk, sm)) : '',
          pseudonymSecret: await secretFrom(env, ps, sm),
        }
      : undefined;
  return {
    store: createStore(storeConfigFromEnv(env)),
    config: {
      ...defaultApiConfig({
        jwtSecret,
        pinPepper,
        ...(publication ? { publication } : {}),
        ...(originVerify ? { originVerify } : {}),
      }),
      // Behind CloudFront (the stack's only public path; x-origin-verify proves it) the viewer's address is
      // CloudFront-Viewer-Address; without that setting, the API Gateway event's source IP.
      clientAddressSource: env.CLIENT_ADDRESS_SOURCE === 'cloudfront' ? 'cloudfront' : 'lambda',
    },
    clock: Date.now,
    randomHex: (n) => randomBytes(n).toString('hex'),
  };
};
