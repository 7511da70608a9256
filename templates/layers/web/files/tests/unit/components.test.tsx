import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { ActionButton } from '../../src/views/components/action-button.js';
import { Field } from '../../src/views/components/field.js';
import { Pagination } from '../../src/views/components/pagination.js';
import { PageContext } from '../../src/views/page-context.js';

/** Renders a view the way reply.page() does, with a known CSRF token. */
function html(view: VNode): string {
  return render(<PageContext.Provider value={{ csrfToken: () => 'token-1' }}>{view}</PageContext.Provider>);
}

const page = (current: number, pageCount: number) => ({ items: [], page: current, pageSize: 10, total: 0, pageCount });

describe('Field: a labelled control whose hint and error a screen reader reads with it', () => {
  it('ties the label, the hint and the error to the input', () => {
    const field = html(<Field name="email" label="E-mail" type="email" hint="Never shown" error="Not an address" />);
    expect(field).toContain('<label for="field-email">E-mail</label>');
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain('aria-describedby="field-email-hint field-email-error"');
    expect(field).toMatch(/<p class="field-hint" id="field-email-hint">Never shown<\/p>/);
    expect(field).toMatch(/<p class="field-error" id="field-email-error">Not an address<\/p>/);
    expect(field).toContain('class="field field-invalid"');
  });

  it('says nothing extra for a valid field', () => {
    const field = html(<Field name="name" label="Name" value="Ada" />);
    expect(field).not.toContain('aria-invalid');
    expect(field).not.toContain('aria-describedby');
    expect(field).toContain('value="Ada"');
    expect(field).toContain('type="text"');
  });

  it('offers choices with the current one selected', () => {
    const options = [
      { value: 'a', label: 'First' },
      { value: 'b', label: 'Second' },
    ];
    const field = html(<Field name="pick" label="Pick" value="b" options={options} />);
    expect(field).toMatch(/<select id="field-pick" name="pick">/);
    expect(field).toMatch(/<option value="b" selected>Second<\/option>/);
    expect(field).not.toMatch(/<option value="a" selected/);
  });

  it('is a textarea of the rows asked for (4 by default)', () => {
    expect(html(<Field name="body" label="Body" multiline={8} value="Hi" />)).toMatch(/<textarea[^>]* rows="8"/);
    expect(html(<Field name="body" label="Body" multiline />)).toMatch(/<textarea[^>]* rows="4"/);
  });

  it('never sends a password back to the browser', () => {
    const field = html(<Field name="password" label="Password" type="password" value="hunter2" />);
    expect(field).toContain('type="password"');
    expect(field).not.toContain('hunter2');
  });
});

describe('ActionButton: a button that posts a small form', () => {
  it('posts with the CSRF token and its hidden fields, and asks first when told to', () => {
    const button = html(
      <ActionButton
        action="/items/1/delete"
        label="Delete"
        accessibleLabel="Delete “First”"
        confirm="Delete it?"
        fields={{ next: '/items' }}
        danger
      />,
    );
    expect(button).toMatch(
      /<form method="post" action="\/items\/1\/delete" class="inline-form" data-confirm="Delete it\?">/,
    );
    expect(button).toContain('<input type="hidden" name="_csrf" value="token-1"/>');
    expect(button).toContain('<input type="hidden" name="next" value="/items"/>');
    expect(button).toContain('<button type="submit" class="button-danger" aria-label="Delete “First”">Delete</button>');
  });

  it('is a quiet button without confirmation by default', () => {
    const button = html(<ActionButton action="/items/1/approve" label="Approve" />);
    expect(button).toContain('class="button-secondary"');
    expect(button).not.toContain('data-confirm');
    expect(button).not.toContain('aria-label');
  });
});

describe('Pagination: previous and next links that work without JavaScript', () => {
  it('shows nothing for a single page', () => {
    expect(html(<Pagination page={page(1, 1)} href="/" />)).toBe('');
  });

  it('links to both neighbours, keeping the list query, and page 1 without page=', () => {
    const links = html(<Pagination page={page(2, 3)} href="/search?q=tea" />);
    expect(links).toContain('<a href="/search?q=tea" rel="prev">← Previous</a>');
    expect(links).toContain('<a href="/search?q=tea&amp;page=3" rel="next">Next →</a>');
    expect(links).toContain('Page 2 of 3');
  });

  it('with htmx, swaps only the list and keeps the address bar in step', () => {
    const links = html(<Pagination page={page(1, 2)} href="/" swap="#list" labels={['Newer', 'Older']} />);
    expect(links).toContain(
      '<a href="/?page=2" rel="next" hx-get="/?page=2" hx-target="#list" hx-swap="outerHTML" hx-push-url="true">Older</a>',
    );
    expect(links).not.toContain('Newer');
  });
});
