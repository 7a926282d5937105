// Signs a derived result at finalize (and at every re-derivation: settle, regrade) with the publication key:
// the result document under the candidate's pseudonym, Ed25519 with key id. Without keys, results stay unsigned.
import { resultDocOf } from '../domain/bundle.ts';
import { pseudonym } from '../domain/pseudonym.ts';
import { signDocument } from '../domain/signature.ts';
import type { StoredResult } from '../store/types.ts';
import type { Deps } from './deps.ts';

export const signResult = (deps: Deps, result: StoredResult): StoredResult => {
  const keys = deps.config.publication;
  const { signature: _old, ...unsigned } = result;
  if (!keys?.signingKeyPem) return unsigned;
  const doc = resultDocOf(unsigned, pseudonym(keys.pseudonymSecret, unsigned.regNo));
  return { ...unsigned, signature: signDocument(doc, keys.signingKeyPem).signature };
};
