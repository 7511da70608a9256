import { AppError } from '../core/errors.js';
import { renderMarkdown } from '../core/markdown.js';
import { type Page, readPage } from '../core/pagination.js';
import { slugify } from '../core/slug.js';
import type { Post } from '../db/schema/index.js';
import type { PostRepository, PostWithCategory } from '../repositories/post-repository.js';
import type { PostInput } from '../schemas/blog.js';
import type { CategoryService } from './category-service.js';

export class PostService {
  constructor(
    private readonly posts: PostRepository,
    private readonly categories: CategoryService,
    private readonly pageSize: number,
  ) {}

  /** A page of posts, newest first; of one category when its id is given. */
  page(page: number, categoryId?: number): Promise<Page<PostWithCategory>> {
    return readPage(
      page,
      this.pageSize,
      (offset, limit) => this.posts.page(offset, limit, categoryId),
      () => this.posts.count(categoryId),
    );
  }

  count(): Promise<number> {
    return this.posts.count();
  }

  async bySlug(slug: string): Promise<PostWithCategory> {
    const post = await this.posts.bySlug(slug);
    if (!post) throw new AppError('not_found', 'There is no post at this address.');
    return post;
  }

  async byId(id: number): Promise<Post> {
    const post = await this.posts.byId(id);
    if (!post) throw new AppError('not_found', 'There is no such post.');
    return post;
  }

  /** The slug comes from the title unless one is given; "-2", "-3"… keep it unique. */
  async create(input: PostInput): Promise<Post> {
    await this.categories.byId(input.categoryId);
    const slug = await this.uniqueSlug(input.slug ?? input.title);
    const created = await this.posts.create({ ...this.content(input), slug });
    this.categories.postsChanged();
    return created;
  }

  /** Edits keep the slug (links to the post keep working) unless a new one is given on purpose. */
  async update(id: number, input: PostInput): Promise<Post> {
    const post = await this.byId(id);
    await this.categories.byId(input.categoryId);
    const slug = input.slug && slugify(input.slug) !== post.slug ? await this.uniqueSlug(input.slug, id) : post.slug;
    const updated = await this.posts.update(id, { ...this.content(input), slug });
    if (!updated) throw new AppError('not_found', 'There is no such post.');
    if (updated.categoryId !== post.categoryId) this.categories.postsChanged();
    return updated;
  }

  async delete(id: number): Promise<void> {
    if (!(await this.posts.delete(id))) throw new AppError('not_found', 'There is no such post.');
    this.categories.postsChanged();
  }

  /** Opens or closes a post's comments. */
  async setCommentsOpen(id: number, open: boolean): Promise<void> {
    if (!(await this.posts.update(id, { canComment: open }))) throw new AppError('not_found', 'There is no such post.');
  }

  private content({ title, body, categoryId }: PostInput) {
    return { title, body, bodyHtml: renderMarkdown(body), categoryId };
  }

  private async uniqueSlug(text: string, exceptId?: number): Promise<string> {
    const base = slugify(text);
    let slug = base;
    for (let n = 2; await this.posts.slugTaken(slug, exceptId); n++) slug = `${base}-${n}`;
    return slug;
  }
}
