export interface FieldProps {
  name: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  /** A textarea of this many rows instead of an input. */
  multiline?: boolean | number;
  /** A select with these choices instead of an input. */
  options?: { value: string; label: string }[];
  type?: 'text' | 'email' | 'password' | 'url';
  maxLength?: number;
  required?: boolean;
  autocomplete?: string;
  /** A line under the label, e.g. what the field is for. */
  hint?: string;
}

/** A labelled input, textarea or select; its error is shown next to it and tied to it for screen readers. */
export function Field({
  name,
  label,
  value,
  error,
  multiline,
  options,
  type = 'text',
  maxLength,
  required,
  autocomplete,
  hint,
}: FieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const common = {
    id,
    name,
    required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
  const control = options ? (
    <select {...common}>
      {options.map((option) => (
        <option value={option.value} selected={option.value === value}>
          {option.label}
        </option>
      ))}
    </select>
  ) : multiline ? (
    <textarea
      {...common}
      maxLength={maxLength}
      rows={typeof multiline === 'number' ? multiline : 4}
      value={value ?? ''}
    />
  ) : type === 'password' ? (
    // A password is never sent back to the browser, not even after a failed submit.
    <input {...common} maxLength={maxLength} autocomplete={autocomplete} type="password" />
  ) : (
    // preact's types check <input> per literal `type`; tsc needs the cast that the lint rule thinks is useless.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    <input {...common} maxLength={maxLength} autocomplete={autocomplete} type={type as 'text'} value={value ?? ''} />
  );
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {hint ? (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
