import { fileName, type FileStore } from '../adapters/file-store.js';
import { identicon } from '../adapters/identicon.js';
import { type Crop, type ImageProcessor, ImageRejected } from '../adapters/images.js';
import { AppError } from '../core/errors.js';
import type { User } from '../db/schema/index.js';
import type { UserRepository } from '../repositories/user-repository.js';

/** The avatar's three sizes (Flask-Avatars' s, m, l), squares. */
export const avatarSizes = { s: 48, m: 128, l: 400 } as const;

/** Avatars: a generated one for each new user, or their own picture, cropped to a square. */
export class AvatarService {
  constructor(
    private readonly users: UserRepository,
    private readonly files: FileStore,
    private readonly images: ImageProcessor,
  ) {}

  async makeDefault(user: User): Promise<User> {
    const key = this.files.newKey();
    const names = { s: fileName(key, 'png', 's'), m: fileName(key, 'png', 'm'), l: fileName(key, 'png', 'l') };
    try {
      for (const size of ['s', 'm', 'l'] as const)
        await this.files.write(names[size], await identicon(user.username.toLowerCase(), avatarSizes[size]));
      return (await this.users.update(user.id, { avatarS: names.s, avatarM: names.m, avatarL: names.l }))!;
    } catch (error) {
      await this.files.remove(Object.values(names));
      throw error;
    }
  }

  /**
   * Replaces the avatar with an uploaded picture, cropped to the square the user chose (the whole picture's
   * centre square without one). The old files go once the new ones are saved.
   */
  async upload(user: User, data: Buffer, crop?: Crop): Promise<User> {
    let processed;
    try {
      processed = await this.images.process(
        data,
        {
          s: { width: avatarSizes.s, square: true },
          m: { width: avatarSizes.m, square: true },
          l: { width: avatarSizes.l, square: true },
        },
        crop ?? 'centre',
      );
    } catch (error) {
      if (error instanceof ImageRejected) throw new AppError('validation_failed', error.message, { field: 'avatar' });
      throw error;
    }
    const key = this.files.newKey();
    const names = {
      s: fileName(key, processed.extension, 's'),
      m: fileName(key, processed.extension, 'm'),
      l: fileName(key, processed.extension, 'l'),
    };
    try {
      for (const size of ['s', 'm', 'l'] as const) await this.files.write(names[size], processed.variants[size]!.data);
      const updated = (await this.users.update(user.id, { avatarS: names.s, avatarM: names.m, avatarL: names.l }))!;
      await this.files.remove([user.avatarS, user.avatarM, user.avatarL]);
      return updated;
    } catch (error) {
      await this.files.remove(Object.values(names));
      throw error;
    }
  }
}
