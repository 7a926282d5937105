// Checks an inclusion proof in the browser: the domain's RFC 9162 check with WebCrypto's SHA-256.
import { canonicalJson } from '../../functions/domain/canonical-json.ts';
import { fromHex, type HashFn, leafHash, utf8, verifyInclusion } from '../../functions/domain/merkle.ts';
import type { ProofResponse } from '../../functions/schemas/public.ts';

export const webSha256: HashFn = async (data) =>
  new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));

/** True iff the proof's row is in the tree whose root is `signedRoot` (of `signedSize` rows). */
export async function checkProof(
  proof: ProofResponse,
  signedRoot: string,
  signedSize: number,
): Promise<boolean> {
  if (proof.root !== signedRoot || proof.size !== signedSize) return false;
  const leaf = await leafHash(webSha256, utf8(canonicalJson(proof.row)));
  return verifyInclusion(
    webSha256,
    leaf,
    proof.index,
    proof.size,
    proof.path.map(fromHex),
    fromHex(signedRoot),
  );
}
