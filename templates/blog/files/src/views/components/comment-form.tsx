import type { FormErrors } from '../../schemas/form.js';
import type { CommentInput } from '../../schemas/blog.js';
import type { CommentThread } from '../../services/comment-service.js';
import { CsrfField } from './csrf-field.js';
import { Field } from './field.js';

export interface CommentFormProps {
  postSlug: string;
  replyTo?: CommentThread | undefined;
  values?: Partial<Record<keyof CommentInput, string>>;
  errors?: FormErrors<CommentInput>;
}

/** Bluelog's comment form: name, e-mail, site, comment; a reply names the comment it answers. */
export function CommentForm({ postSlug, replyTo, values = {}, errors = {} }: CommentFormProps) {
  const action = `/posts/${encodeURIComponent(postSlug)}/comments`;
  return (
    <section class="card" id="comment-form" aria-labelledby="comment-form-title">
      <h2 id="comment-form-title">{replyTo ? `Reply to ${replyTo.author}` : 'Leave a comment'}</h2>
      {replyTo ? (
        <p class="muted">
          “{replyTo.body.length > 80 ? `${replyTo.body.slice(0, 80)}…` : replyTo.body}”{' '}
          <a href={`/posts/${encodeURIComponent(postSlug)}#comment-form`}>Cancel the reply</a>
        </p>
      ) : null}
      <form method="post" action={action} novalidate>
        <CsrfField />
        {replyTo ? <input type="hidden" name="repliedId" value={String(replyTo.id)} /> : null}
        <Field
          name="author"
          label="Name"
          value={values.author}
          error={errors.author}
          maxLength={30}
          required
          autocomplete="name"
        />
        <Field
          name="email"
          label="E-mail"
          type="email"
          value={values.email}
          error={errors.email}
          required
          autocomplete="email"
          hint="Not shown. You get a mail when someone replies."
        />
        <Field
          name="site"
          label="Site (optional)"
          type="url"
          value={values.site}
          error={errors.site}
          autocomplete="url"
        />
        <Field
          name="body"
          label="Comment"
          value={values.body}
          error={errors.body}
          maxLength={1000}
          required
          multiline={5}
        />
        <button type="submit">Post the comment</button>
      </form>
    </section>
  );
}
