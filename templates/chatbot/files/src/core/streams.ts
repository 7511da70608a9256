/**
 * Pulls the first item of an async iterable now, and gives back an iterable of all its items. Whatever goes wrong
 * before the first item (a quota, a provider that is down) is thrown here, by the await, while the caller can
 * still answer with an ordinary error instead of a half-started stream.
 */
export async function started<T>(iterable: AsyncIterable<T>): Promise<AsyncIterable<T>> {
  const iterator = iterable[Symbol.asyncIterator]();
  const first = await iterator.next();
  return {
    [Symbol.asyncIterator]: () => {
      let pending: IteratorResult<T> | undefined = first;
      return {
        next: async () => {
          if (pending) {
            const result = pending;
            pending = undefined;
            return result;
          }
          return iterator.next();
        },
        return: async (value?: unknown) => (await iterator.return?.(value)) ?? { done: true, value: undefined },
      };
    },
  };
}
