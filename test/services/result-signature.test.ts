// Results are signed when derived (finalize): Ed25519 over the result document under the pseudonym, with the
// key id; the signature verifies against the published key, fails on any changed field, and a bundle carries it.
import { beforeAll, describe, expect, it } from 'vitest';
import { resultDocOf } from '../../functions/domain/bundle.ts';
import { pseudonym } from '../../functions/domain/pseudonym.ts';
import { publicKeyEntry, verifyDocument } from '../../functions/domain/signature.ts';
import type { Deps } from '../../functions/services/deps.ts';
import { signResult } from '../../functions/services/result-signature.ts';
import type { StoredResult } from '../../functions/store/types.ts';
import { type ApiHarness, apiHarness, TEST_PUBLICATION_KEYS } from '../api/harness.ts';

let h: ApiHarness;
let stored: StoredResult;
const key = publicKeyEntry(TEST_PUBLICATION_KEYS.signingKeyPem);

beforeAll(async () => {
  h = await apiHarness(1);
  const s = await h.started(0);
  expect(
    (await h.call('POST', `/api/candidate/attempts/${s.attemptId}/submit`, { token: s.token })).status,
  ).toBe(200);
  stored = (await h.store.attempts.getResult(s.attemptId)) as StoredResult;
}, 60_000);

describe('result signed at finalize', () => {
  it('the stored result carries an Ed25519 signature with the key id, over its document under the pseudonym', () => {
    expect(stored.signature).toMatchObject({ alg: 'Ed25519', keyId: key.keyId });
    const doc = resultDocOf(stored, pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, stored.regNo));
    expect(doc.receipt).toBe(stored.logHash);
    expect(
      verifyDocument(
        { document: doc, signature: stored.signature as NonNullable<StoredResult['signature']> },
        [key],
      ),
    ).toBe(true);
  });

  it.each<[string, (d: ReturnType<typeof resultDocOf>) => object]>([
    ['total', (d) => ({ ...d, total: d.total + 1 })],
    ['a section', (d) => ({ ...d, sections: { ...d.sections, TWK: (d.sections.TWK ?? 0) + 5 } })],
    ['passed', (d) => ({ ...d, passed: !d.passed })],
    ['receipt', (d) => ({ ...d, receipt: '0'.repeat(64) })],
    ['pseudonym', (d) => ({ ...d, pseudonym: 'f'.repeat(16) })],
  ])('changing the %s breaks it', (_n, alter) => {
    const doc = resultDocOf(stored, pseudonym(TEST_PUBLICATION_KEYS.pseudonymSecret, stored.regNo));
    const signature = stored.signature as NonNullable<StoredResult['signature']>;
    expect(verifyDocument({ document: alter(doc), signature }, [key])).toBe(false);
  });

  it('a bundle carries the signature made at finalize', async () => {
    h.advance(31 * 24 * 3600_000); // past the demo session's window: its secret is revealed, a bundle may be made
    const { files } = await h.services.bundles.assemble(stored.examId, 'public');
    const paths = [...files.keys()].filter((p) => p.startsWith('attempts/'));
    expect(paths).toHaveLength(1);
    expect(JSON.parse(files.get(paths[0] as string) ?? '{}').result.signature).toEqual(stored.signature);
  });

  it('without publication keys a result stays unsigned (and an old signature is dropped)', () => {
    const deps = { ...h.deps, config: { ...h.deps.config, publication: undefined } } as Deps;
    expect(signResult(deps, stored).signature).toBeUndefined();
    expect(signResult(h.deps, { ...stored, signature: undefined }).signature).toEqual(stored.signature);
  });
});
