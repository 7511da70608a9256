import type { CategoryWithCount } from '../../../repositories/category-repository.js';
import { ActionButton } from '../../components/action-button.js';
import { CsrfField } from '../../components/csrf-field.js';
import { Field } from '../../components/field.js';

export interface CategoriesPageProps {
  categories: CategoryWithCount[];
  /** What was typed in the new-category form, and why it was refused. */
  name?: string | undefined;
  error?: string | undefined;
}

export function CategoriesPage({ categories, name, error }: CategoriesPageProps) {
  return (
    <section aria-labelledby="categories-title">
      <h1 id="categories-title">Categories</h1>
      <table class="admin-table">
        <caption class="visually-hidden">Categories and their posts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Posts</th>
            <th scope="col">Rename</th>
            <th scope="col">Delete</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr>
              <td>
                <a href={`/categories/${encodeURIComponent(category.slug)}`}>{category.name}</a>
                {category.isDefault ? <span class="badge">default</span> : null}
              </td>
              <td>{category.postCount}</td>
              <td>
                <form method="post" action={`/admin/categories/${category.id}`} class="inline-form">
                  <CsrfField />
                  <label class="visually-hidden" for={`rename-${category.id}`}>
                    New name for {category.name}
                  </label>
                  <input id={`rename-${category.id}`} name="name" value={category.name} maxLength={40} required />{' '}
                  <button type="submit" class="button-secondary">
                    Rename
                  </button>
                </form>
              </td>
              <td>
                {category.isDefault ? (
                  <span class="muted">Posts of deleted categories go here.</span>
                ) : (
                  <ActionButton
                    action={`/admin/categories/${category.id}/delete`}
                    label="Delete"
                    accessibleLabel={`Delete the category ${category.name}`}
                    confirm={`Delete “${category.name}”? Its posts move to the default category.`}
                    danger
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="post" action="/admin/categories" class="card" novalidate>
        <h2>New category</h2>
        <CsrfField />
        <Field name="name" label="Name" value={name} error={error} maxLength={40} required />
        <button type="submit">Create</button>
      </form>
    </section>
  );
}
