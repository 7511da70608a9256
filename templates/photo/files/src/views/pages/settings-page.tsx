import type { User } from '../../db/schema/index.js';
import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';
import { Avatar } from '../components/photo-bits.js';

type Errors = Partial<Record<string, string>>;

function Check({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div class="check">
      <input type="checkbox" id={`field-${name}`} name={name} value="on" checked={checked} />
      <label for={`field-${name}`}>{label}</label>
    </div>
  );
}

/** Every setting on one page; each form posts on its own, so an error in one leaves the others alone. */
export function SettingsPage({ user, errors = {} }: { user: User; errors?: Errors }) {
  return (
    <section class="settings">
      <h1>Settings</h1>
      {user.confirmed ? null : (
        <form method="post" action="/auth/resend" class="notice">
          <CsrfField />
          <p>Your e-mail address is not confirmed yet.</p>
          <button type="submit" class="button-secondary">
            Send the confirmation link again
          </button>
        </form>
      )}
      <form method="post" action="/settings/profile" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <CsrfField />
        <Field name="name" label="Name" value={user.name} error={errors.name} maxLength={40} required />
        <Field name="bio" label="Bio" value={user.bio} error={errors.bio} maxLength={200} multiline={2} />
        <Field name="website" label="Website" type="url" value={user.website} error={errors.website} maxLength={255} />
        <Field name="location" label="Location" value={user.location} error={errors.location} maxLength={60} />
        <button type="submit">Save the profile</button>
      </form>
      <form method="post" action="/settings/avatar" enctype="multipart/form-data" aria-labelledby="avatar-heading">
        <h2 id="avatar-heading">Avatar</h2>
        <CsrfField />
        <Avatar user={user} size="m" />
        <label for="avatar">A new picture (JPEG, PNG or WebP)</label>
        <input id="avatar" type="file" name="avatar" accept="image/jpeg,image/png,image/webp" />
        <fieldset class="crop">
          <legend>Crop (optional: a square, in the picture’s pixels; empty keeps the centre)</legend>
          <label for="crop-left">Left</label>
          <input id="crop-left" name="left" inputMode="numeric" size={5} />
          <label for="crop-top">Top</label>
          <input id="crop-top" name="top" inputMode="numeric" size={5} />
          <label for="crop-size">Size</label>
          <input id="crop-size" name="size" inputMode="numeric" size={5} />
        </fieldset>
        {errors.avatar ? <p class="field-error">{errors.avatar}</p> : null}
        <button type="submit">Upload the avatar</button>
      </form>
      <form method="post" action="/settings/password" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <CsrfField />
        <Field
          name="current"
          label="Current password"
          type="password"
          error={errors.current}
          autocomplete="current-password"
        />
        <Field
          name="password"
          label="New password"
          type="password"
          error={errors.password}
          autocomplete="new-password"
        />
        <button type="submit">Change the password</button>
      </form>
      <form method="post" action="/settings/notifications" aria-labelledby="notifications-heading">
        <h2 id="notifications-heading">Notifications</h2>
        <CsrfField />
        <Check name="notifyOnFollow" label="When someone follows me" checked={user.notifyOnFollow} />
        <Check name="notifyOnComment" label="When someone comments on my photo" checked={user.notifyOnComment} />
        <Check name="notifyOnCollect" label="When someone collects my photo" checked={user.notifyOnCollect} />
        <button type="submit">Save the notification settings</button>
      </form>
      <form method="post" action="/settings/privacy" aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <CsrfField />
        <Check name="publicCollections" label="Others may see my collections" checked={user.publicCollections} />
        <button type="submit">Save the privacy settings</button>
      </form>
      <form
        method="post"
        action="/settings/delete"
        aria-labelledby="delete-heading"
        data-confirm="Delete your account, your photos and everything else, for good?"
      >
        <h2 id="delete-heading">Delete the account</h2>
        <CsrfField />
        <p>Your photos, comments, collections, follows and notifications are deleted with it.</p>
        <Field
          name="password"
          label="Your password, to confirm"
          type="password"
          error={errors.deletePassword}
          autocomplete="current-password"
        />
        <button type="submit" class="button-danger">
          Delete my account
        </button>
      </form>
    </section>
  );
}
