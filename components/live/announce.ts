/**
 * What a live list gained since it was last seen, for the screen-reader announcer: items not seen
 * before and not the person's own; with `appendOnly` (the chat), only those after the last item
 * already seen, so that older messages loaded at the top are not announced as new.
 */
export function addedItems<T extends { id: string }>(seen: ReadonlySet<string>, items: readonly T[], own: (item: T) => boolean, appendOnly: boolean): T[] {
  let from = 0;
  if (appendOnly) items.forEach((item, at) => seen.has(item.id) && (from = at + 1));
  return items.slice(from).filter((i) => !seen.has(i.id) && !own(i));
}

/** One new item is read in full; several are counted. */
export function announcement<T>(batch: readonly T[], one: (item: T) => string, many: (count: number) => string): string {
  return batch.length === 1 ? one(batch[0]!) : many(batch.length);
}
