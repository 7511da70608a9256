import { fileName, type FileStore } from '../adapters/file-store.js';
import { type ImageProcessor, ImageRejected, type ProcessedImage } from '../adapters/images.js';
import { AppError } from '../core/errors.js';
import { pageWindow } from '../core/pagination.js';
import { type Actor, canChange, requireChange, requirePermission } from '../core/permissions.js';
import { searchText } from '../core/search-text.js';
import type { Db } from '../db/client.js';
import type { Photo, Tag } from '../db/schema/index.js';
import type { PhotoCard, PhotoRepository } from '../repositories/photo-repository.js';
import type { ReportRepository } from '../repositories/report-repository.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** The sizes made of every upload: the photo page shows the medium one, grids the small one. */
export const photoVariants = { m: { width: 800 }, s: { width: 400 } } as const;

export interface UploadInput {
  files: { filename: string; data: Buffer }[];
  description: string;
  tags: string[];
}

export const photosPerPage = 12;

/** Photos: upload (checked, re-encoded, resized, stored), pages, description, tags, reports, deletion. */
export class PhotoService {
  constructor(
    private readonly db: Db,
    private readonly photos: PhotoRepository,
    private readonly users: UserRepository,
    private readonly reports: ReportRepository,
    private readonly files: FileStore,
    private readonly images: ImageProcessor,
  ) {}

  /**
   * Uploads one or several photos. Every file is checked and processed first: one refused file refuses the
   * whole upload, with its name in the message, and nothing is stored. Then the files are written and the rows
   * inserted in one transaction; if anything fails, the files written so far are removed again.
   */
  async upload(actor: Actor | undefined, input: UploadInput): Promise<Photo[]> {
    requirePermission(actor, 'UPLOAD');
    if (input.files.length === 0)
      throw new AppError('validation_failed', 'Choose at least one photo.', { field: 'photos' });
    const processed: ProcessedImage[] = [];
    for (const file of input.files) {
      try {
        processed.push(await this.images.process(file.data, photoVariants));
      } catch (error) {
        if (!(error instanceof ImageRejected)) throw error;
        const name = file.filename ? `“${file.filename.slice(0, 80)}”: ` : '';
        throw new AppError('validation_failed', `${name}${error.message}`, { field: 'photos' });
      }
    }
    const written: string[] = [];
    try {
      const rows = processed.map((image) => {
        const key = this.files.newKey();
        return {
          image,
          names: {
            original: fileName(key, image.extension),
            m: fileName(key, image.extension, 'm'),
            s: fileName(key, image.extension, 's'),
          },
        };
      });
      for (const { image, names } of rows) {
        for (const [name, data] of [
          [names.original, image.original],
          [names.m, image.variants.m!.data],
          [names.s, image.variants.s!.data],
        ] as const) {
          await this.files.write(name, data);
          written.push(name);
        }
      }
      return await this.db.transaction(async (tx) => {
        const tags = await this.photos.ensureTags(
          input.tags.map((name) => ({ name, searchText: searchText(name) })),
          tx,
        );
        const saved: Photo[] = [];
        for (const { image, names } of rows) {
          const photo = await this.photos.insert(
            {
              authorId: actor.id,
              description: input.description,
              filename: names.original,
              filenameM: names.m,
              filenameS: names.s,
              width: image.width,
              height: image.height,
              searchText: searchText(input.description, ...tags.map((tag) => tag.name)),
            },
            tx,
          );
          await this.photos.tag(
            photo.id,
            tags.map((tag) => tag.id),
            tx,
          );
          saved.push(photo);
        }
        return saved;
      });
    } catch (error) {
      await this.files.remove(written);
      throw error;
    }
  }

  async get(id: number): Promise<Photo> {
    const photo = await this.photos.byId(id);
    if (!photo) throw new AppError('not_found', 'There is no such photo.');
    return photo;
  }

  /** What the photo page shows, besides comments and social state. */
  async page(id: number) {
    const photo = await this.get(id);
    const [author, tags, neighbours] = await Promise.all([
      this.users.byId(photo.authorId),
      this.photos.tagsOf(id),
      this.photos.neighbours(photo),
    ]);
    return { photo, author: author!, tags, neighbours };
  }

  async editDescription(actor: Actor | undefined, id: number, description: string): Promise<void> {
    const photo = await this.get(id);
    requireChange(actor, photo.authorId, 'this photo');
    const tags = await this.photos.tagsOf(id);
    await this.photos.update(id, { description, searchText: this.photoText(description, tags) });
  }

  async addTags(actor: Actor | undefined, id: number, names: string[]): Promise<void> {
    const photo = await this.get(id);
    requireChange(actor, photo.authorId, 'this photo');
    await this.db.transaction(async (tx) => {
      const tags = await this.photos.ensureTags(
        names.map((name) => ({ name, searchText: searchText(name) })),
        tx,
      );
      await this.photos.tag(
        id,
        tags.map((tag) => tag.id),
        tx,
      );
      const all = await this.photos.tagsOf(id, tx);
      if (all.length > 20)
        throw new AppError('validation_failed', 'A photo can have at most 20 tags.', { field: 'tags' });
      await this.photos.update(id, { searchText: this.photoText(photo.description, all) }, tx);
    });
  }

  async removeTag(actor: Actor | undefined, id: number, tagId: number): Promise<void> {
    const photo = await this.get(id);
    requireChange(actor, photo.authorId, 'this photo');
    await this.db.transaction(async (tx) => {
      await this.photos.untag(id, tagId, tx);
      const all = await this.photos.tagsOf(id, tx);
      await this.photos.update(id, { searchText: this.photoText(photo.description, all) }, tx);
    });
  }

  async setCommentsOpen(actor: Actor | undefined, id: number, open: boolean): Promise<void> {
    const photo = await this.get(id);
    requireChange(actor, photo.authorId, 'this photo');
    await this.photos.update(id, { canComment: open });
  }

  /** Deletes the photo (its comments, tags' links, collects and reports go with it), then its files. */
  async delete(actor: Actor | undefined, id: number): Promise<Photo> {
    const photo = await this.get(id);
    requireChange(actor, photo.authorId, 'this photo');
    await this.photos.delete(id);
    await this.files.remove([photo.filename, photo.filenameM, photo.filenameS]);
    return photo;
  }

  async report(actor: Actor | undefined, id: number, reason: string): Promise<boolean> {
    if (!actor) throw new AppError('unauthorized', 'Log in first.');
    if (!actor.active) throw new AppError('forbidden', 'This account is blocked.');
    await this.get(id);
    return this.reports.insert({ photoId: id, reporterId: actor.id, reason });
  }

  mayChange(actor: Actor | undefined, photo: Photo): boolean {
    return canChange(actor, photo.authorId);
  }

  // Lists

  async byAuthor(authorId: number, page: number) {
    return this.paged(page, (offset, limit) => this.photos.byAuthor(authorId, offset, limit));
  }

  async feed(userId: number, page: number) {
    return this.paged(page, (offset, limit) => this.photos.feed(userId, offset, limit));
  }

  async newest(page: number) {
    return this.paged(page, (offset, limit) => this.photos.newest(offset, limit));
  }

  explore(): Promise<PhotoCard[]> {
    return this.photos.random(photosPerPage);
  }

  async tagPage(tagId: number, page: number) {
    const tag = await this.photos.tagById(tagId);
    if (!tag) throw new AppError('not_found', 'There is no such tag.');
    return { tag, photos: await this.paged(page, (offset, limit) => this.photos.byTag(tagId, offset, limit)) };
  }

  popularTags(limit = 12) {
    return this.photos.popularTags(limit);
  }

  async tags(actor: Actor | undefined, page: number) {
    requirePermission(actor, 'MODERATE');
    return this.paged(page, (offset, limit) => this.photos.allTags(offset, limit), 30);
  }

  async deleteTag(actor: Actor | undefined, tagId: number): Promise<void> {
    requirePermission(actor, 'MODERATE');
    if (!(await this.photos.tagById(tagId))) throw new AppError('not_found', 'There is no such tag.');
    await this.photos.deleteTag(tagId);
  }

  async reportsPage(actor: Actor | undefined, page: number) {
    requirePermission(actor, 'MODERATE');
    return this.paged(page, (offset, limit) => this.reports.page(offset, limit), 20);
  }

  async dismissReport(actor: Actor | undefined, reportId: number): Promise<void> {
    requirePermission(actor, 'MODERATE');
    if (!(await this.reports.delete(reportId))) throw new AppError('not_found', 'There is no such report.');
  }

  async paged<T>(
    page: number,
    load: (offset: number, limit: number) => Promise<{ items: T[]; total: number }>,
    pageSize = photosPerPage,
  ) {
    const offset = (page - 1) * pageSize;
    const { items, total } = await load(offset, pageSize);
    const { pageCount } = pageWindow(page, pageSize, total);
    return { items, page, pageSize, total, pageCount };
  }

  private photoText(description: string, tags: Tag[]): string {
    return searchText(description, ...tags.map((tag) => tag.name));
  }
}
