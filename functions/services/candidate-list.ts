// The candidates in force, one page at a time, read from the import's packed chunks: cost follows the page, not the set.
import type { CandidateRecord, CandidatesPointer } from '../domain/registry.ts';
import { type CandidateCursor, candidateCursor } from '../schemas/registry.ts';
import { badCursor, decodeCursor, encodeCursor } from './cursor.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';

/** Rows per chunk of an import whose pointer does not say (every import before chunkRows was recorded). */
export const DEFAULT_CHUNK_ROWS = 200;

export interface CandidatePage {
  candidates: CandidateRecord[];
  /** Rows in the set in force. */
  total: number;
  /** Position of the page's first row in the set (regNo order). */
  offset: number;
  /** Cursor of the next / previous page, null at either end. */
  next: string | null;
  prev: string | null;
  import: CandidatesPointer | null;
}

const encodeCandidateCursor = (c: CandidateCursor): string => encodeCursor(c);

/**
 * One page: the pointer (one GetItem) and the chunks that hold rows [offset, offset + limit) (one Query over a
 * CHUNK# range: a page of ≤ chunkRows rows touches one or two chunks). A cursor names its import: once another
 * import is in force it is refused (409 CONFLICT.candidatesChanged) rather than mixing two sets.
 */
export const createCandidateList = (deps: Deps) => ({
  async page(query: { cursor?: string; limit: number }): Promise<CandidatePage> {
    const at = query.cursor === undefined ? undefined : decodeCursor(candidateCursor, query.cursor);
    const pointer = await deps.store.candidates.getPointer();
    if (!pointer) {
      if (at) throw userError('CONFLICT.candidatesChanged');
      return { candidates: [], total: 0, offset: 0, next: null, prev: null, import: null };
    }
    if (at && at.i !== pointer.importId) throw userError('CONFLICT.candidatesChanged');
    const offset = at?.p ?? 0;
    if (offset > 0 && offset >= pointer.rows) throw badCursor();
    const end = Math.min(pointer.rows, offset + query.limit);
    const per = pointer.chunkRows ?? DEFAULT_CHUNK_ROWS;
    const first = Math.floor(offset / per);
    const rows =
      end > offset
        ? await deps.store.candidates.readChunks(pointer.importId, first, Math.floor((end - 1) / per))
        : [];
    const skip = offset - first * per;
    const cursorAt = (p: number) => encodeCandidateCursor({ i: pointer.importId, p });
    return {
      candidates: rows.slice(skip, skip + (end - offset)),
      total: pointer.rows,
      offset,
      next: end < pointer.rows ? cursorAt(end) : null,
      prev: offset > 0 ? cursorAt(Math.max(0, offset - query.limit)) : null,
      import: pointer,
    };
  },
});

export type CandidateList = ReturnType<typeof createCandidateList>;
