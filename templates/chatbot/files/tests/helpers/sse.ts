/** The events of a Server-Sent Events body, in order: `{ event, data }` with data parsed as JSON when it is. */
export function parseEvents(body: string): { event: string | undefined; data: unknown }[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice('event: '.length);
      const text = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice('data: '.length))
        .join('\n');
      let data: unknown = text;
      try {
        data = JSON.parse(text);
      } catch {
        // not JSON: [DONE]
      }
      return { event, data };
    });
}
