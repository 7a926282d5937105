// The app's secrets in Secrets Manager, generated at deploy time: JWT signing key, PIN pepper, origin-verify value,
// and the publication secrets (Ed25519 signing seed, pseudonym HMAC key), each 32 random bytes as 64 hex digits.
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
  publicationKey: SECRET_VARS.publicationKey.arn,
  pseudonymSecret: SECRET_VARS.pseudonymSecret.arn,
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

/**
 * 64 lowercase hex digits = 32 random bytes: Secrets Manager draws from what is not excluded (no punctuation,
 * no upper case, no letters after f, no space), i.e. exactly 0-9a-f.
 */
export const HEX_64 = {
  passwordLength: 64,
  excludePunctuation: true,
  excludeUppercase: true,
  includeSpace: false,
  excludeCharacters: 'ghijklmnopqrstuvwxyz',
} as const;

const PUBLICATION_ROTATION_REASON =
  'Rotating within a recruitment would break what is already published: a new pseudonym key changes every ' +
  'pseudonym on slips and rankings, a new signing key needs its public key published beside the old one. ' +
  'An operator rotates both between recruitments (docs/deploy.md).';

const hexSecret = (scope: Construct, id: string, description: string): secretsmanager.Secret => {
  const secret = new secretsmanager.Secret(scope, id, { description, generateSecretString: { ...HEX_64 } });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions::AwsSolutions-SMG4',
    reason: PUBLICATION_ROTATION_REASON,
  });
  return secret;
};

export class SeleksiSecrets extends Construct {
  readonly jwtSecret: secretsmanager.Secret;
  readonly pinPepper: secretsmanager.Secret;
  /** Shared by CloudFront (origin custom header) and the API functions: proves a request came through CloudFront. */
  readonly originVerify: secretsmanager.Secret;
  /** Ed25519 seed (the runtime turns it into the PKCS#8 key): signs result documents and publications. */
  readonly publicationKey: secretsmanager.Secret;
  /** HMAC key of pseudonyms (hex, decoded to 32 bytes). */
  readonly pseudonymSecret: secretsmanager.Secret;

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
    this.publicationKey = hexSecret(
      this,
      'PublicationKey',
      'Seleksi: Ed25519 signing seed (hex) of result documents and publications',
    );
    this.pseudonymSecret = hexSecret(
      this,
      'PseudonymSecret',
      'Seleksi: HMAC key (hex) of published pseudonyms',
    );
  }
}
