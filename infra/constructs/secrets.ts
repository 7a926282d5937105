// The app's secrets in Secrets Manager, generated at deploy time: JWT signing key and PIN pepper.
import { Validations } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/api/middleware/origin-verify.ts';
import { SECRET_VARS } from '../../functions/handlers/secret-env.ts';

/** Env var names through which a function learns which secret to read (the value is the secret ARN). */
export const SECRET_ENV = {
  jwtSecret: SECRET_VARS.jwt.arn,
  pinPepper: SECRET_VARS.pepper.arn,
  originVerify: SECRET_VARS.originVerify.arn,
} as const;

/** Header CloudFront adds to every API request; the API refuses requests without the secret value in it. */
export { ORIGIN_VERIFY_HEADER };

const ROTATION_REASON =
  'Rotated by an operator between exam periods (docs/deploy.md): automatic rotation during an exam ' +
  'would invalidate running candidates\u2019 tokens (JWT key) or the released PINs (pepper).';

const generated = (
  scope: Construct,
  id: string,
  description: string,
  rotationReason = ROTATION_REASON,
): secretsmanager.Secret => {
  const secret = new secretsmanager.Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SMG4',
    reason: rotationReason,
  });
  return secret;
};

export class SeleksiSecrets extends Construct {
  readonly jwtSecret: secretsmanager.Secret;
  readonly pinPepper: secretsmanager.Secret;
  /** Shared by CloudFront (origin custom header) and the API functions: proves a request came through CloudFront. */
  readonly originVerify: secretsmanager.Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.jwtSecret = generated(this, 'JwtSecret', 'Seleksi: HS256 key signing session tokens');
    this.pinPepper = generated(this, 'PinPepper', 'Seleksi: pepper of the session PIN HMAC');
    this.originVerify = generated(
      this,
      'OriginVerify',
      'Seleksi: CloudFront-to-API origin-verify header value',
      'CloudFront reads this value only when the stack deploys, so an automatic rotation would make the API ' +
        'refuse every request until the next deploy; rotate by redeploying (docs/deploy.md).',
    );
  }
}
