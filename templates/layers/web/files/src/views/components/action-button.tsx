import { CsrfField } from './csrf-field.js';

export interface ActionButtonProps {
  /** Where the form posts. */
  action: string;
  label: string;
  /** Asked before posting (public/app.js); without JavaScript the action happens at once. */
  confirm?: string;
  /** Hidden fields sent with the button. */
  fields?: Record<string, string>;
  /** For screen readers when the label alone is ambiguous ("Delete" in a list): "Delete “My post”". */
  accessibleLabel?: string;
  danger?: boolean;
}

/** One button that posts a small form: how a page deletes, approves or toggles something without JavaScript. */
export function ActionButton({ action, label, confirm, fields = {}, accessibleLabel, danger }: ActionButtonProps) {
  return (
    <form method="post" action={action} class="inline-form" data-confirm={confirm}>
      <CsrfField />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={danger ? 'button-danger' : 'button-secondary'} aria-label={accessibleLabel}>
        {label}
      </button>
    </form>
  );
}
