import type { Page } from '../../core/pagination.js';
import type { User } from '../../db/schema/index.js';
import type { PhotoCard } from '../../repositories/photo-repository.js';
import type { UserCard } from '../../repositories/user-repository.js';
import { Pagination } from '../components/pagination.js';
import { Avatar, PagedPhotos, PeopleList, ToggleButton } from '../components/photo-bits.js';
import { roleNames } from '../../core/permissions.js';

export interface ProfileHeaderProps {
  user: User;
  counts: { followers: number; following: number; collections: number };
  follow?: { following: boolean } | undefined;
  /** The tab shown below the header. */
  tab: 'photos' | 'collections' | 'followers' | 'following';
}

export function ProfileHeader({ user, counts, follow, tab }: ProfileHeaderProps) {
  const base = `/users/${encodeURIComponent(user.username)}`;
  return (
    <header class="profile">
      <Avatar user={user} size="m" />
      <div>
        <h1>{user.name}</h1>
        <p class="username">
          @{user.username}
          {user.role !== 'user' ? <span class="badge">{roleNames[user.role]}</span> : null}
          {user.active ? null : <span class="badge">Blocked</span>}
        </p>
        {user.bio ? <p>{user.bio}</p> : null}
        {user.location ? <p>📍 {user.location}</p> : null}
        {user.website ? (
          <p>
            <a href={user.website} rel="nofollow noopener">
              {user.website}
            </a>
          </p>
        ) : null}
        {follow ? (
          <ToggleButton action={`${base}/follow`} on={follow.following} labels={['Follow', 'Following']} next={base} />
        ) : null}
      </div>
      <nav class="tabs" aria-label="Profile">
        <a href={base} aria-current={tab === 'photos' ? 'page' : undefined}>
          Photos
        </a>
        <a href={`${base}/collections`} aria-current={tab === 'collections' ? 'page' : undefined}>
          Collections {counts.collections}
        </a>
        <a href={`${base}/followers`} aria-current={tab === 'followers' ? 'page' : undefined}>
          Followers {counts.followers}
        </a>
        <a href={`${base}/following`} aria-current={tab === 'following' ? 'page' : undefined}>
          Following {counts.following}
        </a>
      </nav>
    </header>
  );
}

export function UserPage(props: Omit<ProfileHeaderProps, 'tab'> & { photos: Page<PhotoCard> }) {
  return (
    <>
      <ProfileHeader {...props} tab="photos" />
      <PagedPhotos
        page={props.photos}
        href={`/users/${encodeURIComponent(props.user.username)}`}
        empty="No photos yet."
      />
    </>
  );
}

export function CollectionsPage(props: Omit<ProfileHeaderProps, 'tab'> & { photos?: Page<PhotoCard> | undefined }) {
  return (
    <>
      <ProfileHeader {...props} tab="collections" />
      {props.photos ? (
        <PagedPhotos
          page={props.photos}
          href={`/users/${encodeURIComponent(props.user.username)}/collections`}
          empty="Nothing collected yet."
        />
      ) : (
        <p class="empty">{props.user.name}’s collections are private.</p>
      )}
    </>
  );
}

export function PeoplePage(
  props: Omit<ProfileHeaderProps, 'tab'> & { direction: 'followers' | 'following'; people: Page<UserCard> },
) {
  return (
    <>
      <ProfileHeader {...props} tab={props.direction} />
      <PeopleList
        people={props.people.items}
        empty={props.direction === 'followers' ? 'No followers yet.' : 'Not following anyone yet.'}
      />
      <Pagination page={props.people} href={`/users/${encodeURIComponent(props.user.username)}/${props.direction}`} />
    </>
  );
}
