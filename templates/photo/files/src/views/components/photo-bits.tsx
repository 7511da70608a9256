import type { Page } from '../../core/pagination.js';
import type { PhotoCard } from '../../repositories/photo-repository.js';
import type { UserCard } from '../../repositories/user-repository.js';
import { CsrfField } from '../components/csrf-field.js';
import { Pagination } from '../components/pagination.js';

/** Where a stored file is served (src/plugins/uploads.ts). */
export const fileUrl = (name: string) => `/uploads/${name}`;

export function Avatar({
  user,
  size = 's',
}: {
  user: Pick<UserCard, 'username' | 'avatarS' | 'avatarM'>;
  size?: 's' | 'm';
}) {
  const file = size === 's' ? user.avatarS : user.avatarM;
  const px = size === 's' ? 48 : 128;
  return file ? (
    <img class={`avatar avatar-${size}`} src={fileUrl(file)} width={px} height={px} alt="" />
  ) : (
    <span class={`avatar avatar-${size}`} aria-hidden="true" />
  );
}

export function UserLink({ user }: { user: UserCard }) {
  return (
    <a class="user-link" href={`/users/${encodeURIComponent(user.username)}`}>
      <Avatar user={user} />
      <span>{user.name}</span>
    </a>
  );
}

export function PhotoGrid({ photos, empty }: { photos: PhotoCard[]; empty: string }) {
  if (photos.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="photo-grid">
      {photos.map((photo) => (
        <li>
          <a href={`/photos/${photo.id}`}>
            <img
              src={fileUrl(photo.filenameS)}
              alt={photo.description || `Photo by ${photo.author.name}`}
              loading="lazy"
            />
          </a>
          <p class="photo-meta">
            <a href={`/users/${encodeURIComponent(photo.author.username)}`}>{photo.author.name}</a>
            <span title="collected">★ {photo.collects}</span>
            <span title="comments">💬 {photo.comments}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}

export function PagedPhotos({ page, href, empty }: { page: Page<PhotoCard>; href: string; empty: string }) {
  return (
    <>
      <PhotoGrid photos={page.items} empty={empty} />
      <Pagination page={page} href={href} />
    </>
  );
}

export function PeopleList({ people, empty }: { people: UserCard[]; empty: string }) {
  if (people.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ul class="people">
      {people.map((person) => (
        <li>
          <UserLink user={person} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A button that toggles (follow/unfollow, collect/uncollect). Without JavaScript it posts the form and the page
 * comes back; with htmx the form is posted in the background (its CSRF field included) and only the button is
 * replaced by the server's answer.
 */
export function ToggleButton({
  action,
  on,
  labels,
  next,
  count,
}: {
  action: string;
  on: boolean;
  labels: [off: string, on: string];
  next: string;
  count?: number;
}) {
  return (
    <form method="post" action={action} class="inline-form toggle" hx-post={action} hx-swap="outerHTML">
      <CsrfField />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="state" value={on ? 'off' : 'on'} />
      <button type="submit" class={on ? 'button-secondary' : undefined} aria-pressed={on ? 'true' : 'false'}>
        {on ? labels[1] : labels[0]}
      </button>
      {count !== undefined ? <span class="count">{count}</span> : null}
    </form>
  );
}
