import type { CategoryWithCount } from '../../../repositories/category-repository.js';
import type { PostInput } from '../../../schemas/blog.js';
import type { FormErrors } from '../../../schemas/form.js';
import { CsrfField } from '../../components/csrf-field.js';
import { Field } from '../../components/field.js';

export interface PostFormPageProps {
  heading: string;
  action: string;
  categories: CategoryWithCount[];
  values: Partial<Record<keyof PostInput, string>>;
  errors: FormErrors<PostInput>;
}

export function PostFormPage({ heading, action, categories, values, errors }: PostFormPageProps) {
  const options = categories.map((category) => ({ value: String(category.id), label: category.name }));
  return (
    <section class="card" aria-labelledby="post-form-title">
      <h1 id="post-form-title">{heading}</h1>
      <form method="post" action={action} novalidate>
        <CsrfField />
        <Field name="title" label="Title" value={values.title} error={errors.title} maxLength={120} required />
        <Field
          name="slug"
          label="Slug (optional)"
          value={values.slug}
          error={errors.slug}
          maxLength={100}
          hint="The end of the post's address, /posts/<slug>. Empty: made from the title. Changing it breaks old links."
        />
        <Field
          name="categoryId"
          label="Category"
          options={options}
          value={values.categoryId ?? options[0]?.value}
          error={errors.categoryId}
          required
        />
        <Field
          name="body"
          label="Body (Markdown)"
          value={values.body}
          error={errors.body}
          multiline={18}
          required
          hint="**bold**, _italic_, [a link](https://example.com), `code`, lists, > quotes. HTML is shown as text."
        />
        <button type="submit">Publish</button> <a href="/admin/posts">Cancel</a>
      </form>
    </section>
  );
}
