// Roving focus inside a wrapped grid of cells (pure): which cell an arrow / Home / End key moves to,
// using the cells' laid-out positions so rows broken by section headings still move as the eye expects.

export interface CellPos {
  x: number;
  y: number;
}

/** Index of the cell the key moves to, or null when the key is not a grid key or there is nowhere to go. */
export function nextCell(key: string, from: number, cells: readonly CellPos[]): number | null {
  const n = cells.length;
  if (n === 0 || from < 0 || from >= n) return null;
  switch (key) {
    case 'ArrowRight':
      return from < n - 1 ? from + 1 : null;
    case 'ArrowLeft':
      return from > 0 ? from - 1 : null;
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    case 'ArrowDown':
    case 'ArrowUp':
      return vertical(key === 'ArrowDown' ? 1 : -1, from, cells);
    default:
      return null;
  }
}

function vertical(dir: 1 | -1, from: number, cells: readonly CellPos[]): number | null {
  const here = cells[from] as CellPos;
  // The nearest row strictly below (or above), then the cell in it closest to this column.
  let rowY: number | null = null;
  for (const c of cells) {
    const d = (c.y - here.y) * dir;
    if (d > 1 && (rowY === null || (c.y - rowY) * dir < 0)) rowY = c.y;
  }
  if (rowY === null) return null;
  let best: number | null = null;
  for (const [i, c] of cells.entries()) {
    if (Math.abs(c.y - rowY) > 1) continue;
    const bc = best === null ? null : (cells[best] as CellPos);
    if (bc === null || Math.abs(c.x - here.x) < Math.abs(bc.x - here.x)) best = i;
  }
  return best;
}
