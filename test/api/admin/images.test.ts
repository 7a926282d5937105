// Item images: admin upload (sniffed type, size limit, admin only), presigned URLs in the candidate's form (s3rver).
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiHarness, apiHarness } from '../harness.ts';

let h: ApiHarness;
let admin: string;
beforeAll(async () => {
  h = await apiHarness(1);
  admin = await h.loginStaff('admin');
});

/** A valid 1×1 PNG, built here so the test owns its bytes. */
const png = (): Buffer => {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const upload = (body: Buffer, token = admin) =>
  h.app.request('/api/admin/images', {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(body),
  });

describe('item images', () => {
  it('stores an image by content hash and serves it to the candidate through a presigned URL', async () => {
    const bytes = png();
    const res = await upload(bytes);
    expect(res.status).toBe(200);
    const { ref, type } = await res.json();
    expect(type).toBe('image/png');
    expect(ref).toMatch(/^s3:items\/[0-9a-f]{64}\.png$/);

    // Every TWK item of the demo bank gets the image, so the form certainly shows one.
    const items = await h.store.banks.listByCategory('demo-bank', 'TWK');
    const imported = await h.services.banks.importItems('demo-bank', {
      format: 'json',
      value: items.map(({ bankId: _b, ...i }) => ({ ...i, image: ref })),
    });
    // The demo exam pins its bank snapshot: schedule it on the new one (as an admin would).
    const exam = (await h.store.exams.get('skd-demo'))!;
    await h.store.exams.put({ ...exam, bankSnapshots: { 'demo-bank': imported.snapshotId } });
    h.services.contentCache.clear();

    const s = await h.started(0);
    const url: string = s.form.items.find((i: { sectionId: string }) => i.sectionId === 'TWK').image;
    expect(url).toMatch(/^http:\/\/.+X-Amz-Signature=/);
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(bytes)).toBe(true);
    expect(JSON.stringify(s.form)).not.toContain('s3:items/');
  });

  it.each([
    ['HTML pretending to be an image', Buffer.from('<html><script>alert(1)</script></html>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['empty', Buffer.alloc(0)],
    ['over 1 MB', Buffer.concat([png(), Buffer.alloc(1024 * 1024)])],
  ])('%s -> 400', async (_n, body) => {
    const res = await upload(body);
    expect(res.status).toBe(400);
  });

  it('a proctor cannot upload (403)', async () => {
    expect((await upload(png(), await h.loginStaff('proctor'))).status).toBe(403);
  });
});
