// S3 object access for the published/ and audit/ buckets: put and get whole objects, presigned GET URLs.
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { errorName, guard } from './errors.ts';
import type { Store } from './types.ts';

export const createObjects = (s3: S3Client): Store['objects'] => ({
  async put(bucket: string, key: string, body: Buffer | string, contentType: string): Promise<void> {
    await guard(() =>
      s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType })),
    );
  },
  async get(bucket: string, key: string): Promise<Buffer | undefined> {
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
  presignGet(bucket: string, key: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), {
      expiresIn: expiresInSeconds,
    });
  },
});
