import { CommentRepository } from '../repositories/comment-repository.js';
import { NotificationRepository } from '../repositories/notification-repository.js';
import { PhotoRepository } from '../repositories/photo-repository.js';
import { ReportRepository } from '../repositories/report-repository.js';
import { SearchRepository } from '../repositories/search-repository.js';
import { SocialRepository } from '../repositories/social-repository.js';
import { UserRepository } from '../repositories/user-repository.js';
import { AccountService } from './account-service.js';
import { AvatarService } from './avatar-service.js';
import { CommentService } from './comment-service.js';
import type { ServiceDeps } from './deps.js';
import { NotificationService } from './notification-service.js';
import { PhotoService } from './photo-service.js';
import { SearchService } from './search-service.js';
import { SocialService } from './social-service.js';

/** Wires repositories into services (the app's dependency injection, by hand). Routes receive the result. */
export function createServices({ db, config, log, mailer, files, images, events }: ServiceDeps) {
  const users = new UserRepository(db);
  const photoRepository = new PhotoRepository(db);
  const avatars = new AvatarService(users, files, images);
  const notifications = new NotificationService(new NotificationRepository(db), users, events);
  return {
    accounts: new AccountService(db, users, photoRepository, avatars, files, mailer, config, log),
    avatars,
    photos: new PhotoService(db, photoRepository, users, new ReportRepository(db), files, images),
    comments: new CommentService(new CommentRepository(db), photoRepository, notifications),
    social: new SocialService(new SocialRepository(db), users, photoRepository, notifications),
    notifications,
    search: new SearchService(new SearchRepository(db), photoRepository),
    events,
  };
}

export type Services = ReturnType<typeof createServices>;
