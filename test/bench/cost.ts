// AWS cost model of one candidate-exam from measured counts, at published on-demand list prices (dated below).

/**
 * us-east-1 on-demand list prices (ap-southeast-3 Jakarta is typically 10–25 % higher; see docs/capacity.md).
 * DynamoDB figures are the on-demand prices after the November 2024 reduction.
 */
export const PRICES = {
  asOf: '2025-11 (AWS public price pages, us-east-1)',
  httpApiPerMillionRequests: 1.0,
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  dynamoPerMillionWru: 0.625,
  dynamoPerMillionRru: 0.125,
  s3PerThousandPut: 0.005,
  s3PerThousandGet: 0.0004,
  dataTransferOutPerGb: 0.09,
} as const;

export const LAMBDA_MEMORY_MB = 512;

export interface ExamCounts {
  /** Per candidate-exam. */
  requests: number;
  writeUnits: number;
  readUnits: number;
  /** Request bytes (client -> API) and response bytes (API -> client, billed as data transfer out). */
  bytesToServer: number;
  bytesFromServer: number;
  /** Billed Lambda milliseconds per candidate-exam (sum over requests, each rounded up to 1 ms). */
  lambdaMs: number;
  /** GSI write units DynamoDB charges but dynalite does not report (attempt META -> GSI1, RESULT -> GSI2). */
  gsiWriteUnits: number;
  s3Puts: number;
}

export interface CostBreakdown {
  httpApi: number;
  lambdaRequests: number;
  lambdaDuration: number;
  dynamoWrites: number;
  dynamoReads: number;
  s3: number;
  dataTransfer: number;
  total: number;
}

export const costPerCandidateExam = (c: ExamCounts): CostBreakdown => {
  const httpApi = (c.requests * PRICES.httpApiPerMillionRequests) / 1e6;
  const lambdaRequests = (c.requests * PRICES.lambdaPerMillionRequests) / 1e6;
  const lambdaDuration = (c.lambdaMs / 1000) * (LAMBDA_MEMORY_MB / 1024) * PRICES.lambdaArmPerGbSecond;
  const dynamoWrites = ((c.writeUnits + c.gsiWriteUnits) * PRICES.dynamoPerMillionWru) / 1e6;
  const dynamoReads = (c.readUnits * PRICES.dynamoPerMillionRru) / 1e6;
  const s3 = (c.s3Puts * PRICES.s3PerThousandPut) / 1000;
  const dataTransfer = (c.bytesFromServer / 1024 ** 3) * PRICES.dataTransferOutPerGb;
  const total = httpApi + lambdaRequests + lambdaDuration + dynamoWrites + dynamoReads + s3 + dataTransfer;
  return { httpApi, lambdaRequests, lambdaDuration, dynamoWrites, dynamoReads, s3, dataTransfer, total };
};
