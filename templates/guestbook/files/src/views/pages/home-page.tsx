import type { Page } from '../../core/pagination.js';
import type { Message } from '../../db/schema/index.js';
import type { FormErrors } from '../../schemas/form.js';
import type { MessageInput } from '../../schemas/message.js';
import { CsrfField } from '../components/csrf-field.js';
import { Field } from '../components/field.js';
import { MessageList } from '../components/message-list.js';

export interface HomePageProps {
  page: Page<Message>;
  /** What was typed, shown again when the form comes back with errors. */
  values?: Partial<MessageInput>;
  errors?: FormErrors<MessageInput>;
}

export function HomePage({ page, values = {}, errors = {} }: HomePageProps) {
  return (
    <>
      <section class="card" aria-labelledby="form-title">
        <h1 id="form-title">Leave a message</h1>
        <form method="post" action="/messages" novalidate>
          <CsrfField />
          <Field
            name="name"
            label="Name"
            value={values.name}
            error={errors.name}
            maxLength={20}
            required
            autocomplete="name"
          />
          <Field
            name="body"
            label="Message"
            value={values.body}
            error={errors.body}
            maxLength={200}
            required
            multiline
          />
          <button type="submit">Send</button>
        </form>
      </section>
      <MessageList page={page} />
    </>
  );
}
