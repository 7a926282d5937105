// Errors of the local runtime: ones a person starting `npm start` can act on, printed without a stack trace.
export class LocalRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRuntimeError';
  }
}

export const portInUse = (port: number): LocalRuntimeError =>
  new LocalRuntimeError(
    `Port ${port} sudah dipakai / is already in use. Set another one, e.g. PORT=3001 npm start, or stop the other process.`,
  );
