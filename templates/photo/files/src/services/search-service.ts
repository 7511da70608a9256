import { toTsQuery } from '../core/search-text.js';
import type { PhotoRepository } from '../repositories/photo-repository.js';
import type { SearchRepository } from '../repositories/search-repository.js';

export type SearchCategory = 'photo' | 'user' | 'tag';

const pageSize = 12;

/** Full-text search over photos (description and tags), users (name, username, bio) and tags. */
export class SearchService {
  constructor(
    private readonly search: SearchRepository,
    private readonly photos: PhotoRepository,
  ) {}

  async find(text: string, category: SearchCategory, page: number) {
    const query = toTsQuery(text);
    const empty = { items: [], page, pageSize, total: 0, pageCount: 1 };
    const offset = (page - 1) * pageSize;
    if (!query) return { category, photos: empty, users: empty, tags: empty };
    const paged = <T>(items: T[], total: number) => ({
      items,
      page,
      pageSize,
      total,
      pageCount: Math.max(1, Math.ceil(total / pageSize)),
    });
    if (category === 'user') {
      const { items, total } = await this.search.users(query, offset, pageSize);
      return { category, photos: empty, users: paged(items, total), tags: empty };
    }
    if (category === 'tag') {
      const { items, total } = await this.search.tags(query, offset, pageSize);
      return { category, photos: empty, users: empty, tags: paged(items, total) };
    }
    const { ids, total } = await this.search.photoIds(query, offset, pageSize);
    const cards = await this.photos.cardsByIds(ids);
    // The cards come back in any order: put them back in rank order.
    const ranked = ids.flatMap((id) => cards.filter((card) => card.id === id));
    return { category, photos: paged(ranked, total), users: empty, tags: empty };
  }
}
