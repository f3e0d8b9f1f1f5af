// Money on the mall pages: the API keeps fen (integers); people read yuan.

/** Fen per point as yuan with two decimals: 10 → "0.10". */
export function yuanPerPointText(fenPerPoint: number): string {
  return (fenPerPoint / 100).toFixed(2);
}
