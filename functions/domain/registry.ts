// Recruitment registry: formations (position × agency unit × formation type, with openings) and candidates.

/** A formation: what the rankings cut per (openings → at most 3× advance) and the roster refers to. */
export interface Formation {
  id: string;
  position: string;
  agencyUnit: string;
  openings: number;
  /** umum, cumlaude, diaspora, disabilitas, putra-putri-papua, … (the passing grade that applies). */
  formationType: string;
}

/** A registered candidate as imported (one CSV row). */
export interface CandidateRecord {
  regNo: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  formationId: string;
  formationType: string;
  education: string;
  /** Accommodation added to the exam duration (e.g. 30 for a candidate with a disability). */
  extraMinutes: number;
  /** Session the candidate is assigned to, when the file says so. */
  sessionId?: string;
}

/** The candidate set in force: which import, how many rows, the file's SHA-256, when and by whom. */
export interface CandidatesPointer {
  importId: string;
  rows: number;
  fileHash: string;
  at: number;
  by: string;
  /** Rows per stored chunk (every chunk but the last is full): row i is in chunk ⌊i / chunkRows⌋. Absent = 200. */
  chunkRows?: number;
}
