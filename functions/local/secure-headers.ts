// Security headers of every response of the local server (on AWS, CloudFront's response headers policy sets them).
import { secureHeaders } from 'hono/secure-headers';

/**
 * CSP: scripts only from the app's own origin (no inline script, no eval); styles from the origin (React's
 * style props go through the CSSOM, which CSP does not restrict); images also from the local S3 endpoint
 * (presigned item images); no framing (frame-ancestors 'none'); nosniff; no referrer across origins.
 */
export const localSecureHeaders = (s3Endpoint: string | undefined) => {
  const s3 = s3Endpoint ? [new URL(s3Endpoint).origin] : [];
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:', ...s3],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
    },
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
};
