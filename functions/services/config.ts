// Runtime configuration of the API: secrets, token lifetimes, grace period, clock. Built by an adapter.

export interface ApiConfig {
  /** HS256 key for session tokens. */
  jwtSecret: string;
  /** Pepper of the PIN HMAC. */
  pinPepper: string;
  /** Salt of the published pseudonyms (HMAC key). */
  candidateTokenTtlSeconds: number;
  staffTokenTtlSeconds: number;
  /** Answers in flight at the deadline are still accepted within this grace. */
  graceMs: number;
  /** How long a cached attempt state may be used on the save path. */
  attemptCacheMs: number;
}

export const defaultApiConfig = (secrets: { jwtSecret: string; pinPepper: string }): ApiConfig => ({
  ...secrets,
  candidateTokenTtlSeconds: 6 * 3600,
  staffTokenTtlSeconds: 12 * 3600,
  graceMs: 15_000,
  attemptCacheMs: 3_000,
});

/** The clock is injected so tests can move time; production uses Date.now. */
export type Clock = () => number;
