export interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  multiline?: boolean;
  type?: 'text' | 'email' | 'password' | 'url';
  maxLength?: number;
  required?: boolean;
  autocomplete?: string;
}

/** A labelled input or textarea; its error is shown next to it and tied to it for screen readers. */
export function Field({
  name,
  label,
  value,
  error,
  multiline,
  type = 'text',
  maxLength,
  required,
  autocomplete,
}: FieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    maxLength,
    required,
    autocomplete,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? errorId : undefined,
  };
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4} value={value ?? ''} />
      ) : type === 'password' ? (
        // A password is never sent back to the browser, not even after a failed submit.
        <input {...common} type="password" />
      ) : (
        // preact's types check <input> per literal `type`; tsc needs the cast that the lint rule thinks is useless.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        <input {...common} type={type as 'text'} value={value ?? ''} />
      )}
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
