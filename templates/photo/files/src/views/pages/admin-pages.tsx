import type { Page } from '../../core/pagination.js';
import { type Role, roleNames, roles } from '../../core/permissions.js';
import type { User } from '../../db/schema/index.js';
import type { PhotoCard } from '../../repositories/photo-repository.js';
import type { UserCard } from '../../repositories/user-repository.js';
import { ActionButton } from '../components/action-button.js';
import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';
import { Pagination } from '../components/pagination.js';
import { fileUrl, UserLink } from '../components/photo-bits.js';
import { RelativeTime } from '../components/relative-time.js';

export function AdminNav() {
  return (
    <nav class="tabs" aria-label="Administration">
      <a href="/admin">Overview</a>
      <a href="/admin/users">Users</a>
      <a href="/admin/photos">Photos</a>
      <a href="/admin/tags">Tags</a>
      <a href="/admin/comments">Comments</a>
      <a href="/admin/reports">Reports</a>
    </nav>
  );
}

export function AdminDashboard({ counts }: { counts: { users: number; photos: number; reports: number } }) {
  return (
    <section>
      <h1>Administration</h1>
      <AdminNav />
      <ul class="stats">
        <li>{counts.users} users</li>
        <li>{counts.photos} photos</li>
        <li>
          <a href="/admin/reports">{counts.reports} open reports</a>
        </li>
      </ul>
    </section>
  );
}

export function AdminUsersPage({
  users,
  q,
  mayAdminister,
  selfId,
}: {
  users: Page<User>;
  q: string;
  mayAdminister: boolean;
  selfId: number;
}) {
  return (
    <section>
      <h1>Users</h1>
      <AdminNav />
      <form method="get" action="/admin/users" role="search">
        <label for="user-q">Find a user</label>
        <input id="user-q" name="q" value={q} maxLength={60} />
        <button type="submit" class="button-secondary">
          Find
        </button>
      </form>
      <table>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.items.map((user) => (
            <tr>
              <td>
                <a href={`/users/${encodeURIComponent(user.username)}`}>{user.username}</a> ({user.email})
              </td>
              <td>{roleNames[user.role]}</td>
              <td>
                {user.active ? 'active' : 'blocked'}
                {user.confirmed ? '' : ', unconfirmed'}
              </td>
              <td class="actions">
                {user.id === selfId ? null : user.role === 'locked' ? (
                  <ActionButton
                    action={`/admin/users/${user.id}/unlock`}
                    label="Unlock"
                    accessibleLabel={`Unlock ${user.username}`}
                  />
                ) : user.role === 'user' ? (
                  <ActionButton
                    action={`/admin/users/${user.id}/lock`}
                    label="Lock"
                    accessibleLabel={`Lock ${user.username}`}
                  />
                ) : null}
                {mayAdminister && user.id !== selfId ? (
                  <>
                    <ActionButton
                      action={`/admin/users/${user.id}/${user.active ? 'block' : 'unblock'}`}
                      label={user.active ? 'Block' : 'Unblock'}
                      accessibleLabel={`${user.active ? 'Block' : 'Unblock'} ${user.username}`}
                      danger={user.active}
                    />
                    <a href={`/admin/users/${user.id}`} aria-label={`Edit ${user.username}`}>
                      Edit
                    </a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={users} href={q ? `/admin/users?q=${encodeURIComponent(q)}` : '/admin/users'} />
    </section>
  );
}

export function AdminUserForm({ user, errors = {} }: { user: User; errors?: Partial<Record<string, string>> }) {
  return (
    <section class="narrow">
      <h1>Edit {user.username}</h1>
      <AdminNav />
      <form method="post" action={`/admin/users/${user.id}`}>
        <CsrfField />
        <Field name="name" label="Name" value={user.name} error={errors.name} maxLength={40} required />
        <Field name="bio" label="Bio" value={user.bio} error={errors.bio} maxLength={200} multiline={2} />
        <Field name="website" label="Website" type="url" value={user.website} error={errors.website} maxLength={255} />
        <Field name="location" label="Location" value={user.location} error={errors.location} maxLength={60} />
        <Field
          name="role"
          label="Role"
          value={user.role}
          error={errors.role}
          options={roles.map((role: Role) => ({ value: role, label: roleNames[role] }))}
        />
        <button type="submit">Save</button>
      </form>
    </section>
  );
}

export function AdminPhotosPage({ photos }: { photos: Page<PhotoCard> }) {
  return (
    <section>
      <h1>Photos</h1>
      <AdminNav />
      <ul class="admin-list">
        {photos.items.map((photo) => (
          <li>
            <a href={`/photos/${photo.id}`}>
              <img class="thumb" src={fileUrl(photo.filenameS)} alt={photo.description || `Photo ${photo.id}`} />
            </a>
            <UserLink user={photo.author} /> <RelativeTime date={photo.createdAt} />
            <ActionButton
              action={`/photos/${photo.id}/delete`}
              label="Delete"
              accessibleLabel={`Delete photo ${photo.id}`}
              confirm="Delete this photo?"
              fields={{ next: '/admin/photos' }}
              danger
            />
          </li>
        ))}
      </ul>
      <Pagination page={photos} href="/admin/photos" />
    </section>
  );
}

export function AdminTagsPage({ tags }: { tags: Page<{ id: number; name: string; photos: number }> }) {
  return (
    <section>
      <h1>Tags</h1>
      <AdminNav />
      <ul class="admin-list">
        {tags.items.map((tag) => (
          <li>
            <a href={`/tags/${tag.id}`}>#{tag.name}</a> ({tag.photos})
            <ActionButton
              action={`/admin/tags/${tag.id}/delete`}
              label="Delete"
              accessibleLabel={`Delete the tag ${tag.name}`}
              confirm="Delete this tag from every photo?"
              danger
            />
          </li>
        ))}
      </ul>
      <Pagination page={tags} href="/admin/tags" />
    </section>
  );
}

export function AdminCommentsPage({
  comments,
}: {
  comments: Page<{ id: number; body: string; createdAt: Date; photoId: number; author: UserCard }>;
}) {
  return (
    <section>
      <h1>Comments</h1>
      <AdminNav />
      <ul class="admin-list">
        {comments.items.map((comment) => (
          <li>
            <UserLink user={comment.author} /> on{' '}
            <a href={`/photos/${comment.photoId}#comment-${comment.id}`}>photo {comment.photoId}</a>: {comment.body}{' '}
            <RelativeTime date={comment.createdAt} />
            <ActionButton
              action={`/comments/${comment.id}/delete`}
              label="Delete"
              accessibleLabel={`Delete the comment by ${comment.author.name}`}
              fields={{ next: '/admin/comments' }}
              danger
            />
          </li>
        ))}
      </ul>
      <Pagination page={comments} href="/admin/comments" />
    </section>
  );
}

export function AdminReportsPage({
  reports,
}: {
  reports: Page<{
    id: number;
    reason: string;
    createdAt: Date;
    photoId: number;
    photoFile: string;
    reporter: UserCard;
  }>;
}) {
  return (
    <section>
      <h1>Reports</h1>
      <AdminNav />
      {reports.items.length === 0 ? <p class="empty">No open reports.</p> : null}
      <ul class="admin-list">
        {reports.items.map((report) => (
          <li aria-label={`Report ${report.id}`}>
            <a href={`/photos/${report.photoId}`}>
              <img class="thumb" src={fileUrl(report.photoFile)} alt={`Reported photo ${report.photoId}`} />
            </a>
            <UserLink user={report.reporter} />: {report.reason || '(no reason given)'}{' '}
            <RelativeTime date={report.createdAt} />
            <ActionButton
              action={`/admin/reports/${report.id}/dismiss`}
              label="Dismiss"
              accessibleLabel={`Dismiss report ${report.id}`}
            />
            <ActionButton
              action={`/photos/${report.photoId}/delete`}
              label="Delete the photo"
              accessibleLabel={`Delete reported photo ${report.photoId}`}
              confirm="Delete this photo?"
              fields={{ next: '/admin/reports' }}
              danger
            />
          </li>
        ))}
      </ul>
      <Pagination page={reports} href="/admin/reports" />
    </section>
  );
}
