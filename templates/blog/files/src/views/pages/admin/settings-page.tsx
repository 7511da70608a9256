import type { SettingsInput } from '../../../schemas/blog.js';
import type { FormErrors } from '../../../schemas/form.js';
import { CsrfField } from '../../components/csrf-field.js';
import { Field } from '../../components/field.js';

export interface SettingsPageProps {
  values: Partial<Record<keyof SettingsInput, string>>;
  errors?: FormErrors<SettingsInput>;
}

export function SettingsPage({ values, errors = {} }: SettingsPageProps) {
  return (
    <section class="card" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <form method="post" action="/admin/settings" novalidate>
        <CsrfField />
        <Field name="title" label="Blog title" value={values.title} error={errors.title} maxLength={60} required />
        <Field name="subtitle" label="Subtitle" value={values.subtitle} error={errors.subtitle} maxLength={120} />
        <Field name="about" label="About (Markdown)" value={values.about} error={errors.about} multiline={10} />
        <button type="submit">Save</button>
      </form>
    </section>
  );
}
