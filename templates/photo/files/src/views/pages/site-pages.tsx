import type { Page } from '../../core/pagination.js';
import type { NotificationView } from '../../repositories/notification-repository.js';
import type { PhotoCard } from '../../repositories/photo-repository.js';
import type { UserCard } from '../../repositories/user-repository.js';
import type { SearchCategory } from '../../services/search-service.js';
import { ActionButton } from '../components/action-button.js';
import { CsrfField } from '../components/csrf-field.js';
import { Pagination } from '../components/pagination.js';
import { PagedPhotos, PeopleList, PhotoGrid, UserLink, fileUrl } from '../components/photo-bits.js';
import { RelativeTime } from '../components/relative-time.js';

type TagCount = { id: number; name: string; photos: number };

export function PopularTags({ tags }: { tags: TagCount[] }) {
  if (tags.length === 0) return null;
  return (
    <section aria-labelledby="popular-tags">
      <h2 id="popular-tags">Popular tags</h2>
      <ul class="tags">
        {tags.map((tag) => (
          <li>
            <a href={`/tags/${tag.id}`}>
              #{tag.name} <span class="count">{tag.photos}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomePage({
  feed,
  newest,
  tags,
}: {
  feed?: Page<PhotoCard> | undefined;
  newest?: Page<PhotoCard> | undefined;
  tags: TagCount[];
}) {
  return (
    <div class="with-side">
      <section aria-labelledby="home-heading">
        {feed ? (
          <>
            <h1 id="home-heading">Your feed</h1>
            <PagedPhotos
              page={feed}
              href="/"
              empty="Nothing here yet: follow people (see Explore) and their photos will appear here."
            />
          </>
        ) : (
          <>
            <h1 id="home-heading">Newest photos</h1>
            <p>Share your photos, follow people, collect what you like.</p>
            {newest ? <PagedPhotos page={newest} href="/" empty="No photos yet." /> : null}
          </>
        )}
      </section>
      <PopularTags tags={tags} />
    </div>
  );
}

export function ExplorePage({ photos }: { photos: PhotoCard[] }) {
  return (
    <section>
      <h1>Explore</h1>
      <p>
        A few photos picked at random. <a href="/explore">Show others</a>
      </p>
      <PhotoGrid photos={photos} empty="No photos yet." />
    </section>
  );
}

export function TagPage({ tag, photos }: { tag: { id: number; name: string }; photos: Page<PhotoCard> }) {
  return (
    <section>
      <h1>#{tag.name}</h1>
      <p>
        {photos.total} {photos.total === 1 ? 'photo' : 'photos'}
      </p>
      <PagedPhotos page={photos} href={`/tags/${tag.id}`} empty="No photo has this tag any more." />
    </section>
  );
}

export function UploadPage({
  error,
  maxFiles,
  maxMb,
}: {
  error?: string | undefined;
  maxFiles: number;
  maxMb: number;
}) {
  return (
    <section class="narrow">
      <h1>Upload photos</h1>
      <form method="post" action="/upload" enctype="multipart/form-data" class="upload-form">
        <CsrfField />
        <div class="dropzone" data-dropzone>
          <label for="photos">Photos</label>
          <p class="field-hint">
            JPEG, PNG or WebP, up to {maxFiles} at once, {maxMb} MB each. Drop them here or choose them.
          </p>
          <input id="photos" type="file" name="photos" multiple accept="image/jpeg,image/png,image/webp" />
          <p data-dropzone-files aria-live="polite" />
        </div>
        {error ? (
          <p class="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <label for="upload-description">Description</label>
        <textarea id="upload-description" name="description" maxLength={500} rows={3} />
        <label for="upload-tags">Tags</label>
        <input id="upload-tags" name="tags" maxLength={200} placeholder="sunset, beach, 城市" />
        <button type="submit">Upload</button>
      </form>
      <script src="/static/dropzone.js" defer />
    </section>
  );
}

export function CollectorsPage({ photoId, people }: { photoId: number; people: Page<UserCard> }) {
  return (
    <section>
      <h1>Collected by</h1>
      <p>
        <a href={`/photos/${photoId}`}>← Back to the photo</a>
      </p>
      <PeopleList people={people.items} empty="Nobody has collected this photo yet." />
      <Pagination page={people} href={`/photos/${photoId}/collectors`} />
    </section>
  );
}

const describe = (item: NotificationView) =>
  item.kind === 'follow'
    ? 'started following you'
    : item.kind === 'comment'
      ? 'commented on your photo'
      : 'collected your photo';

export function NotificationsPage({ page, unreadOnly }: { page: Page<NotificationView>; unreadOnly: boolean }) {
  return (
    <section>
      <h1>Notifications</h1>
      <nav class="tabs" aria-label="Which notifications">
        <a href="/notifications" aria-current={unreadOnly ? undefined : 'page'}>
          All
        </a>
        <a href="/notifications?filter=unread" aria-current={unreadOnly ? 'page' : undefined}>
          Unread
        </a>
      </nav>
      {page.total > 0 ? <ActionButton action="/notifications/read-all" label="Mark all as read" /> : null}
      {page.items.length === 0 ? <p class="empty">No notifications.</p> : null}
      <ul class="notifications">
        {page.items.map((item) => (
          <li class={item.isRead ? 'read' : 'unread'} aria-label={`${item.actor.name} ${describe(item)}`}>
            <UserLink user={item.actor} /> {describe(item)}
            {item.photoId ? (
              <a href={`/photos/${item.photoId}`}>
                {item.photoFile ? <img class="thumb" src={fileUrl(item.photoFile)} alt="the photo" /> : 'the photo'}
              </a>
            ) : null}{' '}
            <RelativeTime date={item.createdAt} />
            {item.isRead ? null : (
              <ActionButton
                action={`/notifications/${item.id}/read`}
                label="Mark as read"
                accessibleLabel={`Mark as read: ${item.actor.name} ${describe(item)}`}
              />
            )}
          </li>
        ))}
      </ul>
      <Pagination page={page} href={unreadOnly ? '/notifications?filter=unread' : '/notifications'} />
    </section>
  );
}

export interface SearchResults {
  category: SearchCategory;
  photos: Page<PhotoCard>;
  users: Page<UserCard & { bio?: string }>;
  tags: Page<{ id: number; name: string }>;
}

export function SearchPage({ q, results }: { q: string; results?: SearchResults | undefined }) {
  const href = (category: SearchCategory) => `/search?q=${encodeURIComponent(q)}&category=${category}`;
  return (
    <section>
      <h1>Search</h1>
      <form method="get" action="/search" role="search">
        <label for="search-q">Search photos, people and tags</label>
        <input id="search-q" type="search" name="q" value={q} maxLength={100} />
        <input type="hidden" name="category" value={results?.category ?? 'photo'} />
        <button type="submit">Search</button>
      </form>
      {results ? (
        <>
          <nav class="tabs" aria-label="What to search">
            {(['photo', 'user', 'tag'] as const).map((category) => (
              <a href={href(category)} aria-current={results.category === category ? 'page' : undefined}>
                {category === 'photo' ? 'Photos' : category === 'user' ? 'People' : 'Tags'}
              </a>
            ))}
          </nav>
          {results.category === 'photo' ? (
            <>
              <PhotoGrid photos={results.photos.items} empty={`No photo matches “${q}”.`} />
              <Pagination page={results.photos} href={href('photo')} />
            </>
          ) : results.category === 'user' ? (
            <>
              <PeopleList people={results.users.items} empty={`Nobody matches “${q}”.`} />
              <Pagination page={results.users} href={href('user')} />
            </>
          ) : (
            <>
              {results.tags.items.length === 0 ? <p class="empty">No tag matches “{q}”.</p> : null}
              <ul class="tags">
                {results.tags.items.map((tag) => (
                  <li>
                    <a href={`/tags/${tag.id}`}>#{tag.name}</a>
                  </li>
                ))}
              </ul>
              <Pagination page={results.tags} href={href('tag')} />
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
