// Runtime configuration of the API: secrets, token lifetimes, grace period, login limits, clock. Built by an adapter.
import type { AppealPolicy } from '../domain/appeal.ts';
import { defaultLoginLimits, type LoginLimits } from '../domain/login-limits.ts';
import { DEFAULT_GRACE_MS } from '../domain/timing.ts';

/**
 * Where the client's address comes from (login rate limits): the TCP peer locally ('socket'); on AWS the
 * CloudFront-Viewer-Address header CloudFront adds ('cloudfront', only when the API is reached through
 * CloudFront), else the API Gateway event's source IP ('lambda'). Never a client-supplied X-Forwarded-For.
 */
export type ClientAddressSource = 'socket' | 'cloudfront' | 'lambda';

export interface ApiConfig {
  /** HS256 key for session tokens. */
  jwtSecret: string;
  /** Pepper of the PIN HMAC. */
  pinPepper: string;
  candidateTokenTtlSeconds: number;
  staffTokenTtlSeconds: number;
  /** Answers in flight at the deadline are still accepted within this grace. */
  graceMs: number;
  /**
   * Kraepelin: an entry is still accepted this long after its column closed (in-flight saves). Small, as
   * columns last seconds; longer network gaps lose the entries of columns that closed meanwhile.
   */
  speedGraceMs: number;
  /** How long a cached attempt state may be used on the save path. */
  attemptCacheMs: number;
  /** Publication keys (signing key, pseudonym secret); absent -> publishing and bundles are refused. Never logged. */
  publication?: PublicationKeys;
  /** Staff user ids of the auditors named to receive bundles with personal data (UU 27/2022); default none. */
  personalDataAuditors?: string[];
  /** Expected `x-origin-verify` header (CloudFront's secret); absent means the check is off. */
  originVerify?: string;
  /** Login rate limits (the benchmark sets its own: thousands of logins from one loopback address). */
  loginLimits: LoginLimits;
  clientAddressSource: ClientAddressSource;
  /** Appeal windows (filing after the session closes, answering after filing closes); default BKN 3 + 7 days. */
  appeals?: AppealPolicy;
}

/** A configured signing key (PKCS#8 PEM, or a 64-hex Ed25519 seed as Secrets Manager generates it) as PEM. */
export { signingKeyPemOf } from '../domain/signature.ts';

/** Keys of the transparency chain: from DATA_DIR/secrets.json locally, Secrets Manager on AWS. */
export interface PublicationKeys {
  /**
   * Ed25519 private key, PKCS#8 PEM: signs result documents and publications. '' in a function given only the
   * pseudonym secret (public): it signs nothing and refuses to publish.
   */
  signingKeyPem: string;
  /** Pseudonym HMAC key, >= 32 bytes as hex (the HMAC uses the decoded bytes). */
  pseudonymSecret: string;
}

export const defaultApiConfig = (secrets: {
  jwtSecret: string;
  pinPepper: string;
  publication?: PublicationKeys;
  originVerify?: string;
}): ApiConfig => ({
  ...secrets,
  candidateTokenTtlSeconds: 6 * 3600,
  staffTokenTtlSeconds: 12 * 3600,
  graceMs: DEFAULT_GRACE_MS,
  speedGraceMs: 5_000,
  attemptCacheMs: 3_000,
  loginLimits: defaultLoginLimits,
  clientAddressSource: 'socket',
});

/** The clock is injected so tests can move time; production uses Date.now. */
export type Clock = () => number;
