// Makes s3rver's object writes atomic, as S3's are: a GET during a PUT of the same key sees the old or the new object.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The parts of s3rver's FilesystemStore (s3rver 3.7, lib/stores/filesystem.js) this module wraps. s3rver
 * writes an object in place (truncate, then stream), so a GET racing a PUT read an empty or partial body
 * (concurrent publishers reading `latest.json` failed to parse it now and then); S3 never returns that.
 */
interface FilesystemStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  putObject(object: PutObject): Promise<{ size: number; md5: string }>;
  putMetadata(bucket: string, key: string, metadata: unknown, md5: string): Promise<void>;
  getObject(bucket: string, key: string, options?: unknown): Promise<unknown>;
  deleteObject(bucket: string, key: string): Promise<unknown>;
}

interface PutObject {
  bucket: string;
  key: string;
  metadata: unknown;
  content: Buffer | NodeJS.ReadableStream;
}

/**
 * Rewires `store` (an S3rver instance's `store`): a PUT streams to a temporary file beside the object and
 * renames it into place; the rename, the md5 and the metadata happen under a per-key lock that GET and
 * DELETE of that key also take, so a reader's stat and open see one file, and a stream already open keeps
 * reading the file it opened (rename never truncates it). HEAD is left as it is: s3rver's getObject calls it
 * inside the lock, and a HEAD racing a PUT sees the old or the new file's size (never a truncated one).
 */
export const makeObjectWritesAtomic = (store: FilesystemStore): void => {
  const locks = new Map<string, Promise<unknown>>();
  const locked = <T>(bucket: string, key: string, run: () => Promise<T>): Promise<T> => {
    const id = `${bucket}\u0000${key}`;
    const previous = locks.get(id) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    locks.set(id, settled);
    void settled.then(() => {
      if (locks.get(id) === settled) locks.delete(id);
    });
    return next;
  };
  let counter = 0;
  const { getObject, deleteObject, putMetadata } = store;

  store.putObject = async (object) => {
    const target = store.getResourcePath(object.bucket, object.key, 'object');
    const temp = `${target}.${process.pid}.${++counter}.tmp`;
    const md5 = createHash('md5');
    let size = 0;
    await mkdir(dirname(target), { recursive: true });
    try {
      if (Buffer.isBuffer(object.content)) {
        md5.update(object.content);
        size = object.content.length;
        await writeFile(temp, object.content);
      } else {
        const count = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            md5.update(chunk);
            size += chunk.length;
            callback(null, chunk);
          },
        });
        await pipeline(object.content, count, createWriteStream(temp));
      }
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
    const digest = md5.digest('hex');
    await locked(object.bucket, object.key, async () => {
      await rename(temp, target);
      await putMetadata.call(store, object.bucket, object.key, object.metadata, digest);
    });
    return { size, md5: digest };
  };
  store.getObject = (bucket, key, options) =>
    locked(bucket, key, () => getObject.call(store, bucket, key, options));
  store.deleteObject = (bucket, key) => locked(bucket, key, () => deleteObject.call(store, bucket, key));
};
