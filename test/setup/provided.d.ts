// Values the global setup provides to every test file via inject().
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the run's dynalite. */
    dynamoEndpoint: string;
    /** http://127.0.0.1:<port> of the run's s3rver. */
    s3Endpoint: string;
  }
}
