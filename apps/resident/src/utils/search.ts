/** Text as a search compares it: lower case, without accents (`Côte` is found by `cote`). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

/** Whether every word of the query appears in the (folded) keywords. */
export function matchesQuery(keywords: string, query: string): boolean {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  return words.every((word) => keywords.includes(word));
}
