import { messageMaxLength } from '../../core/markdown.js';
import { CsrfField } from './csrf-field.js';

export interface ComposerProps {
  /** Where the form posts without JavaScript; with it, public/chat.js sends over the socket instead. */
  action: string | null;
  error?: string;
}

/** Where a message is written: Enter sends, Shift+Enter starts a new line (as in CatChat). */
export function Composer({ action, error }: ComposerProps) {
  return (
    <form class="composer" id="composer" method="post" action={action ?? undefined} novalidate>
      {action ? <CsrfField /> : null}
      <label for="message-body">Message</label>
      <div class="composer-row">
        <textarea
          id="message-body"
          name="body"
          rows={2}
          maxLength={messageMaxLength}
          required
          placeholder="Markdown works; fence code in ``` for highlighting"
        />
        <button type="submit">Send</button>
      </div>
      <p class="composer-status" id="composer-status" role="status" aria-live="polite">
        {error ?? ''}
      </p>
    </form>
  );
}
