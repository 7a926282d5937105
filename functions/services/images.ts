// Item images: stored content-addressed in the private audit bucket (items/), handed to candidates as presigned URLs.
import { createHash } from 'node:crypto';
import type { PublicItem } from '../schemas/candidate.ts';
import { s3Prefixes } from '../store/keys.ts';
import type { Store } from '../store/types.ts';
import { userError } from './errors.ts';

/** How an item refers to a stored image: `s3:items/<sha256>.<ext>`. Other values (absolute URLs) pass through. */
export const IMAGE_REF_PREFIX = 's3:';
export const MAX_IMAGE_BYTES = 1024 * 1024;
/** Presigned URLs outlive the longest exam (120 min + extensions); reused for half their life. */
const URL_TTL_SECONDS = 6 * 3600;

const SIGNATURES: Array<{ type: string; ext: string; test: (b: Buffer) => boolean }> = [
  {
    type: 'image/png',
    ext: 'png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
  { type: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', ext: 'gif', test: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  {
    type: 'image/webp',
    ext: 'webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The image type by its leading bytes (never by the declared type, so no HTML or SVG is ever stored as an image). */
export const sniffImage = (bytes: Buffer) => SIGNATURES.find((s) => s.test(bytes));

export const createImageService = (store: Store, now: () => number) => {
  const urls = new Map<string, { url: string; until: number }>();
  const bucket = store.config.auditBucket;

  const urlFor = async (ref: string): Promise<string> => {
    if (!ref.startsWith(IMAGE_REF_PREFIX)) return ref;
    const key = ref.slice(IMAGE_REF_PREFIX.length);
    const hit = urls.get(key);
    if (hit && hit.until > now()) return hit.url;
    const url = await store.objects.presignGet(bucket, key, URL_TTL_SECONDS);
    urls.set(key, { url, until: now() + (URL_TTL_SECONDS * 1000) / 2 });
    return url;
  };

  return {
    /** Stores an uploaded image under its content hash; the same bytes give the same reference. */
    async put(bytes: Buffer): Promise<{ ref: string; type: string; bytes: number }> {
      if (bytes.length === 0 || bytes.length > MAX_IMAGE_BYTES) {
        throw userError('VALIDATION.imageSize');
      }
      const kind = sniffImage(bytes);
      if (!kind) throw userError('VALIDATION.imageType');
      const key = `${s3Prefixes.itemImages}${createHash('sha256').update(bytes).digest('hex')}.${kind.ext}`;
      await store.objects.put(bucket, key, bytes, kind.type);
      return { ref: `${IMAGE_REF_PREFIX}${key}`, type: kind.type, bytes: bytes.length };
    },

    /** Replaces stored-image references in a candidate's form with presigned URLs. */
    async resolve(items: PublicItem[]): Promise<PublicItem[]> {
      const hasRef = (v?: string) => v?.startsWith(IMAGE_REF_PREFIX) ?? false;
      if (!items.some((i) => hasRef(i.image) || i.options.some((o) => hasRef(o.image)))) return items;
      return Promise.all(
        items.map(async (item) => ({
          ...item,
          ...(item.image ? { image: await urlFor(item.image) } : {}),
          options: await Promise.all(
            item.options.map(async (o) => (o.image ? { ...o, image: await urlFor(o.image) } : o)),
          ),
        })),
      );
    },
  };
};

export type ImageService = ReturnType<typeof createImageService>;
