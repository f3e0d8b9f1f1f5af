// For values the code knows are there (an index inside the array it just built, a row a query always returns) but
// the type system does not (noUncheckedIndexedAccess): fail loudly, naming what was missing, instead of `!`.

/** `value`, or an Error saying `what` was missing. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} is missing`);
  return value;
}

/** The first row of a query that always returns one (`select current_schema()`, `count(*)` ...). */
export function onlyRow<T>(rows: readonly T[], what: string): T {
  return must(rows[0], what);
}
