// Typed API error: the server's {error:{code,message,fields}} body, or a synthetic NETWORK / BAD_RESPONSE.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string[]>;
  /** The error body's details when the server sent some (e.g. the rows an assignment was refused for). */
  readonly details?: unknown;
  constructor(
    status: number,
    code: string,
    message: string,
    fields?: Record<string, string[]>,
    details?: unknown,
  ) {
    super(message);
    this.details = details;
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
  /** True when the request never got an answer (offline, DNS, reset) — worth retrying. */
  get isNetwork(): boolean {
    return this.code === 'NETWORK';
  }
  /** True for failures a retry can fix: network, 5xx, throttling. */
  get isTransient(): boolean {
    return this.isNetwork || this.status >= 500 || this.status === 429 || this.code === 'THROTTLED';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
