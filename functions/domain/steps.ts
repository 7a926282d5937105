// Attempt step log: the append-only truth of an attempt. Scores and state are derived by replay.

/** Who caused a step: the candidate's device, a proctor/admin, or the system (sweeper, lazy finalize). */
export type Actor = { role: 'candidate' } | { role: 'proctor' | 'admin'; id: string } | { role: 'system' };

/** Steps sent by the candidate's device; keyed by (deviceEpoch, clientSeq) so retries are no-ops. */
export type ClientStep =
  | { type: 'answered'; itemId: string; choice: string | null }
  | { type: 'flagged'; itemId: string; flagged: boolean }
  /** One Kraepelin entry: the last digit of the sum of rows `row` and `row + 1` of `column` (0-based). */
  | { type: 'entered'; itemId: string; column: number; row: number; digit: number };

/** Lifecycle steps written by the server. */
export type ServerStep =
  | { type: 'started'; deviceEpoch: number }
  | { type: 'paused'; actor: Actor; reason: string }
  | { type: 'resumed'; actor: Actor; reason: string }
  | { type: 'extended'; actor: Actor; reason: string; minutes: number }
  | { type: 'deviceReset'; actor: Actor; reason: string; deviceEpoch: number }
  | { type: 'submitted'; actor: Actor; reason?: string }
  /** The server opened a speed item's first column: every column deadline counts from this step's `at`. */
  | { type: 'speedStarted'; itemId: string };

export interface StepEnvelope {
  /** Server time (ms since epoch) at which the server received/recorded the step. */
  at: number;
  /** For client steps: the device epoch and client sequence number. */
  deviceEpoch?: number;
  clientSeq?: number;
  /** Set when the server recorded the step but it must never be scored (after deadline+grace, after submit, retired device). */
  rejected?: 'late' | 'afterSubmit' | 'retiredDevice' | 'columnClosed';
  /**
   * On a refused request's one recorded step (keyed by the request's first seq): the rest of the refused batch,
   * so a refused 50-step request adds one log entry, not 50. Never scored.
   */
  batch?: Array<ClientStep & { clientSeq: number }>;
}

export type Step = StepEnvelope & (ClientStep | ServerStep);
