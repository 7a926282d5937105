// S3 object access for the published/ and audit/ buckets: put and get whole objects, presigned GET URLs.
import type { S3Client } from '@aws-sdk/client-s3';
import { errorName, guard } from './errors.ts';
import type { Store } from './types.ts';

/** The S3 SDK modules load on first use (a function's cold start does not pay for them unless it uses S3). */
const s3Sdk = () => import('@aws-sdk/client-s3');

export const createObjects = (client: () => Promise<S3Client>): Store['objects'] => ({
  async put(bucket: string, key: string, body: Buffer | string, contentType: string): Promise<void> {
    const [s3, { PutObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    await guard(() =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })),
    );
  },
  async get(bucket: string, key: string): Promise<Buffer | undefined> {
    const [s3, { GetObjectCommand }] = await Promise.all([client(), s3Sdk()]);
    return guard(async () => {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!out.Body) return Buffer.alloc(0);
        return Buffer.from(await out.Body.transformToByteArray());
      } catch (e) {
        if (errorName(e) === 'NoSuchKey' || errorName(e) === 'NotFound') return undefined;
        throw e;
      }
    });
  },
  async presignGet(bucket: string, key: string, expiresInSeconds: number): Promise<string> {
    const [s3, { GetObjectCommand }, { getSignedUrl }] = await Promise.all([
      client(),
      s3Sdk(),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  },
});
