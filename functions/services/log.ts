// The process's structured logger (Powertools): JSON lines with level, service and, on Lambda, request id and cold start.
import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One instance per process, shared by api/, jobs/ and the Lambda entries: the handler adds each
 * invocation's context (function_request_id, cold_start) and every line logged during it carries them.
 * The service name comes from POWERTOOLS_SERVICE_NAME (set per function by the stack).
 */
export const log = new Logger();
