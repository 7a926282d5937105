// Env var names through which a Lambda learns its secrets: one spelling shared by the runtime and the CDK stack.

/** A secret is given directly in `direct` (local, tests) or by Secrets Manager ARN in `arn` (AWS). */
export const SECRET_VARS = {
  jwt: { direct: 'JWT_SECRET', arn: 'JWT_SECRET_ARN' },
  pepper: { direct: 'PIN_PEPPER', arn: 'PIN_PEPPER_SECRET_ARN' },
  originVerify: { direct: 'ORIGIN_VERIFY', arn: 'ORIGIN_VERIFY_SECRET_ARN' },
  publicationKey: { direct: 'PUBLICATION_KEY', arn: 'PUBLICATION_KEY_ARN' },
  pseudonymSecret: { direct: 'PSEUDONYM_SECRET', arn: 'PSEUDONYM_SECRET_ARN' },
} as const;
