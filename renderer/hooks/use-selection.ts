import { useCallback, useState } from 'react';

/**
 * The selected row of a paged list, held by id so it survives live refreshes
 * that move rows; `activeIndex` is where that id is now (searched near where it
 * was, on every render, so it follows the rows as pages arrive).
 */
export function useSelection<T>(rowAt: (index: number) => T | undefined, idOf: (row: T) => string) {
  const [selected, setSelected] = useState<{ id: string | null; index: number | null }>({ id: null, index: null });
  let activeIndex = selected.index;
  if (selected.id !== null && selected.index !== null) {
    const here = rowAt(selected.index);
    if (here === undefined || idOf(here) !== selected.id) {
      activeIndex = selected.index;
      for (let distance = 1; distance <= 2000; distance += 1) {
        const below = rowAt(selected.index + distance);
        if (below !== undefined && idOf(below) === selected.id) {
          activeIndex = selected.index + distance;
          break;
        }
        const above = rowAt(selected.index - distance);
        if (above !== undefined && idOf(above) === selected.id) {
          activeIndex = selected.index - distance;
          break;
        }
      }
    }
  }
  const select = useCallback(
    (index: number) => {
      const row = rowAt(index);
      setSelected({ id: row === undefined ? null : idOf(row), index });
    },
    [rowAt, idOf],
  );
  return { activeIndex, selectedId: selected.id, select };
}
